// Shell built-ins that change only the shell, and so pass as read-only, in the forms that do
// no more: `hash -p` makes a name run another program, `set -k` turns words into
// environment variables, and a built-in that sets a variable by a name with a subscript
// (`printf -v 'a[$(cmd)]'`, `read`, `test -v`) runs the command in it.
import type { ReadOnlyCheck } from './read-only-checks';
import { isPlainName, shellVariableProblem } from './read-only-variables';

/** Why setting these variables is not read-only: a name that is not plain, or one the shell acts on. */
function variablesProblem(what: string, names: readonly string[]): string | null {
  for (const name of names) {
    if (!isPlainName(name)) return `\`${what} ${name}\` sets a variable by a name that is not plain, and a subscript such as \`a[$(cmd)]\` runs cmd`;
    const problem = shellVariableProblem(name, null);
    if (problem) return problem;
  }
  return null;
}

export const read: ReadOnlyCheck = (inv) => variablesProblem('read', [...inv.values('-a'), ...inv.operands]);

export const printf: ReadOnlyCheck = (inv) => variablesProblem('printf -v', inv.values('-v'));

export const wait: ReadOnlyCheck = (inv) => variablesProblem('wait -p', inv.values('-p'));

export const unset: ReadOnlyCheck = (inv) => {
  const subscript = inv.operands.find((name) => !isPlainName(name));
  return subscript === undefined ? null : `\`unset ${subscript}\` names a variable by an expression, which can run commands`;
};

/** `test -v NAME` and `[ -v NAME ]` evaluate a subscript in NAME. */
export const test: ReadOnlyCheck = (inv) => {
  const args = inv.args;
  for (let i = 0; i < args.length - 1; i += 1) {
    if ((args[i] === '-v' || args[i] === '-R') && !/^[A-Za-z_]\w*(\[\d+\])?$/.test(args[i + 1])) return `\`${inv.program} ${args[i]} ${args[i + 1]}\` evaluates a subscript, which can run commands`;
  }
  return null;
};

/** `hash` lists, forgets or looks up; `hash -p FILE NAME` makes NAME run FILE. */
export const hash: ReadOnlyCheck = (inv) => {
  const other = inv.options.find((o) => !['-r', '-d', '-l', '-t'].includes(o.name));
  return other ? `\`hash ${other.name}\` makes a command name run another program` : null;
};

/** errexit, nounset, xtrace, verbose, noglob, noclobber and pipefail only make the shell stricter or louder. */
const SET_LETTERS = new Set([...'euxvfC']);
const SET_NAMES = new Set(['errexit', 'nounset', 'xtrace', 'verbose', 'noglob', 'noclobber', 'pipefail']);

export const set: ReadOnlyCheck = (inv) => {
  const args = inv.args;
  for (let i = 0; i < args.length; i += 1) {
    const word = args[i];
    // `set -- a b`, `set a b`: positional parameters from here on.
    if (word === '--' || word === '-' || !/^[-+]/.test(word)) return null;
    for (const letter of word.slice(1)) {
      if (letter === 'o') {
        const name = args[i + 1];
        i += 1;
        if (name !== undefined && !SET_NAMES.has(name)) return `\`set -o ${name}\` changes how the shell runs later commands`;
      } else if (!SET_LETTERS.has(letter)) {
        return `\`set ${word}\` changes how the shell runs later commands (\`-k\` and \`-a\` pass variables to programs)`;
      }
    }
  }
  return null;
};

/** Options about matching file names and the `set -o` ones above. */
const SHOPT_NAMES = new Set(['nullglob', 'failglob', 'dotglob', 'globstar', 'extglob', 'nocaseglob', 'nocasematch', 'inherit_errexit', 'lastpipe']);

export const shopt: ReadOnlyCheck = (inv) => {
  if (!inv.has('-s', '-u')) return null;
  const names = inv.has('-o') ? SET_NAMES : SHOPT_NAMES;
  const other = inv.operands.find((name) => !names.has(name));
  return other === undefined ? null : `\`shopt ${other}\` changes how the shell runs later commands`;
};
