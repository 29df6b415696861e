// What wrappers do themselves besides running the command they wrap (wrappers.ts says what
// that command is): `env NAME=v cmd` hands cmd a variable, `ssh -F file` reads settings that
// can run local commands, `flock FILE` creates FILE. Each returns why the wrapper is not
// read-only, or null.
import type { Invocation } from './invocation';
import { parseArgs, valueSet, type Option } from './options';
import { PROGRAM_SYNTAX } from './program-syntax';
import { environmentProblem } from './read-only-variables';

const ENV_VALUES = valueSet('-u --unset -C --chdir -S --split-string');
/** Clearing or removing variables, changing directory, `-S`: nothing else reaches the command. */
const ENV_OPTIONS = new Set(['-i', '--ignore-environment', '-u', '--unset', '-0', '--null', '-C', '--chdir', '-S', '--split-string', '-v', '--debug']);

function env(inv: Invocation): string | null {
  const parsed = parseArgs(inv.args, { values: ENV_VALUES }, true);
  const other = parsed.options.find((o) => !ENV_OPTIONS.has(o.name));
  if (other) return `\`env ${other.name}\` is not known to only pass the command on`;
  for (const word of inv.words.slice(parsed.firstOperand)) {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
    if (!assignment) break;
    const problem = environmentProblem(assignment[1], word.literal ? assignment[2] : null);
    if (problem) return problem;
  }
  return null;
}

/** ssh options that only choose how to connect and log in. */
const SSH_FLAGS = new Set('-4 -6 -A -a -C -f -G -g -K -k -N -n -q -s -T -t -V -v -X -x -Y -y -B -b -c -D -e -i -J -L -l -m -p -P -Q -R -W -S'.split(' '));
/** `-o` settings of that kind; ProxyCommand, LocalCommand, KnownHostsCommand and providers run or load local code. */
const SSH_SETTINGS = new Set(
  `connecttimeout batchmode stricthostkeychecking loglevel serveraliveinterval serveralivecountmax port user identityfile
  identitiesonly connectionattempts compression hostname proxyjump requesttty passwordauthentication pubkeyauthentication
  preferredauthentications kbdinteractiveauthentication hostkeyalgorithms pubkeyacceptedalgorithms pubkeyacceptedkeytypes
  kexalgorithms ciphers macs addressfamily checkhostip hostkeyalias numberofpasswordprompts tcpkeepalive visualhostkey
  forwardagent forwardx11 clearallforwardings exitonforwardfailure globalknownhostsfile`.split(/\s+/),
);

function sshSettingProblem(setting: string): string | null {
  const [key, ...rest] = setting.trim().split(/[\s=]+/);
  const value = rest.join(' ');
  // ssh adds host keys to this file: only nowhere is harmless.
  if (/^userknownhostsfile$/i.test(key)) return value === '/dev/null' ? null : `\`ssh -o ${setting}\` writes host keys to that file`;
  return SSH_SETTINGS.has(key.toLowerCase()) ? null : `\`ssh -o ${setting}\` is not known to only choose how to connect (ProxyCommand, LocalCommand and others run local commands)`;
}

/** ssh's own options, before the host and between the host and the command (`ssh host -t cmd`). */
function sshOptions(inv: Invocation): Option[] {
  const syntax = PROGRAM_SYNTAX.ssh;
  const before = parseArgs(inv.args, syntax, true);
  const after = parseArgs(inv.args.slice(before.firstOperand + 1), syntax, true);
  return [...before.options, ...after.options];
}

function ssh(inv: Invocation): string | null {
  for (const o of sshOptions(inv)) {
    // `-F /dev/null` reads no configuration; any other file may hold ProxyCommand or `Match exec`.
    if (o.name === '-F') {
      if (o.value !== '/dev/null') return `\`ssh -F ${o.value ?? ''}\` reads settings that can run local commands`;
    } else if (o.name === '-o') {
      const problem = sshSettingProblem(o.value ?? '');
      if (problem) return problem;
    } else if (!SSH_FLAGS.has(o.name)) {
      return `\`ssh ${o.name}\` is not known to only connect (\`-E\` writes a log, \`-I\` loads a library, \`-M\`/\`-O\` control shared connections)`;
    }
  }
  return null;
}

function flock(inv: Invocation): string | null {
  const file = parseArgs(inv.args, { values: valueSet('-w --timeout -E --conflict-exit-code -c --command') }, true);
  const target = inv.args[file.firstOperand];
  // `flock 9` locks an open descriptor; a path is created when it is missing.
  return target === undefined || /^\d+$/.test(target) ? null : `\`flock ${target}\` creates the lock file when it is missing`;
}

const CHECKS: Readonly<Record<string, (inv: Invocation) => string | null>> = { env, ssh, flock };

/** Why the wrapper itself is not read-only, or null. */
export function wrapperProblem(inv: Invocation): string | null {
  return Object.prototype.hasOwnProperty.call(CHECKS, inv.kind) ? CHECKS[inv.kind](inv) : null;
}
