// Tells commands from the text pasted around them in code blocks: command output
// (`NAME   READY   STATUS` tables, `key = "value"`, `status: Running`, `drwxr-xr-x …`) and
// prose. A line is a command when the shell parser reads it as one whose program is one runbooks
// run, a script path, or a lower-case tool name that does not read like a sentence.
import { parseShell } from '../../lib/shell/shell-parser';
import type { CallExpr, Node, Stmt } from '../../lib/shell/syntax-tree';
import { argOf } from '../../lib/shell/word-values';
import { isKnownProgram } from './known-programs';
import { memoized } from './memo';

/** `known`: a program runbooks run; `plausible`: a tool this list does not know; `output`: not a command. */
export type Verdict = 'known' | 'plausible' | 'output';

const SCRIPT_PATH = /^(?:\.{1,2}\/|~\/|\/)|^[\w-]+\/[\w./-]+\.(?:sh|bash|py|rb|js|mjs|ts|pl|php)$|^[\w-]+\.(?:sh|bash|py|rb|pl)$/;
const TOOL_NAME = /^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*$/;
const PERMISSIONS = /^[-dlcbps][-rwxsStT]{9}[.+@]?$/;
const STOPWORDS = new Set(['the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'not', 'no', 'found', 'in', 'on', 'of', 'to', 'for', 'with', 'and', 'this', 'that', 'it', 'you', 'we', 'all', 'any', 'has', 'have', 'will', 'should', 'must', 'please', 'then', 'when', 'if']);
const ARGUMENT_WORDS = new Set(['all', 'any']);
/** Programs whose arguments are words to print, which may well read like a sentence. */
const PRINTS_WORDS = new Set(['echo', 'printf', 'logger', 'wall', 'notify-send']);
/** Statements other than a simple command (`if`, `for`, `{ …; }`, `export X=1`) are shell by construction. */
const SHELL_CONSTRUCTS = new Set(['IfClause', 'WhileClause', 'ForClause', 'CaseClause', 'Block', 'Subshell', 'FuncDecl', 'ArithmCmd', 'TestClause', 'DeclClause', 'LetClause', 'TimeClause', 'CoprocClause']);

function readsLikeProse(words: readonly string[]): boolean {
  if (words.length < 3) return false;
  if (!words.every((w) => /^[A-Za-z][a-z']*[.,:;!?]?$/.test(w))) return false;
  const bare = words.map((w) => w.replace(/[.,:;!?]$/, '').toLowerCase());
  // `supervisorctl stop all`, `pm2 restart all`: a last "all" or "any" is an argument, not English.
  if (ARGUMENT_WORDS.has(bare[bare.length - 1])) bare.pop();
  return bare.some((w) => STOPWORDS.has(w));
}

function firstCommand(node: Node | null): Node | null {
  if (node?.type === 'BinaryCmd') return firstCommand((node as unknown as { X: Stmt }).X.Cmd);
  return node;
}

/** `kubectl get pods -n web`: a known program followed by plain words, read without the parser. */
const PLAIN_COMMAND = /^\s*([a-z][\w.-]*)(?:[ \t]+[-\w./:=@,%+~]+)*[ \t]*$/;

function verdictOf(statement: string): Verdict {
  const plain = PLAIN_COMMAND.exec(statement);
  if (plain && isKnownProgram(plain[1])) {
    const words = statement.trim().split(/\s+/);
    return !PRINTS_WORDS.has(plain[1]) && readsLikeProse(words) ? 'output' : 'known';
  }
  // No command starts with a capital, a digit or punctuation such as `|`, `*`, `-` (an
  // assignment such as `FOO=1 cmd` aside), so those need no parsing.
  if (/^\s*(?:[A-Z0-9](?![\w]*=)|[-|*+=•…%@^])/.test(statement)) return 'output';
  const parsed = parseShell(statement);
  if (!parsed.ok) return 'output';
  const stmt = parsed.file.Stmts[0];
  if (!stmt) return 'output';
  const cmd = firstCommand(stmt.Cmd);
  if (!cmd) return 'known'; // only redirections: `> file`
  if (cmd.type !== 'CallExpr') return SHELL_CONSTRUCTS.has(cmd.type) ? 'known' : 'output';
  const call = cmd as CallExpr;
  if (call.Args.length === 0) return 'known'; // only assignments: `TAG=v1.2`
  const words = call.Args.map((w) => argOf(w, parsed.source));
  const first = words[0];
  if (!first.literal) return first.source.startsWith('$') ? 'plausible' : 'output';
  const program = first.value;
  const second = words[1]?.value;
  if (second === '=' || second === ':' || second === '=>' || second === '->' || second === '|') return 'output';
  if (isKnownProgram(program.slice(program.lastIndexOf('/') + 1)) && !program.endsWith('/')) {
    if (program.includes('/') && !SCRIPT_PATH.test(program)) return 'output';
    // "kill the stuck process" is a sentence that happens to start with a program's name.
    return !PRINTS_WORDS.has(program) && readsLikeProse(words.map((w) => w.source)) ? 'output' : 'known';
  }
  if (PERMISSIONS.test(program)) return 'output'; // `ls -l` output: drwxr-xr-x 2 root root …
  if (SCRIPT_PATH.test(program)) return 'known';
  if (!TOOL_NAME.test(program)) return 'output';
  return readsLikeProse(words.map((w) => w.source)) ? 'output' : 'plausible';
}

/** What one top-level statement of a code block is. `statement` has its placeholders masked. */
export const statementVerdict: (statement: string) => Verdict = memoized(verdictOf);

const HEADER_CELL = /^[A-Z%#][\w%#().\/:-]*(?:\s[A-Za-z%][\w%().\/:-]*)*$/;

/**
 * Whether a line is the header of a table a command printed: two or more columns set apart by
 * runs of spaces, each starting with a capital (`NAME   READY   STATUS`, `Filesystem  Size  Used`).
 */
export function isTableHeader(line: string): boolean {
  const cells = line.trim().split(/\s{2,}|\t+/);
  if (cells.length < 2 || !cells.every((cell) => HEADER_CELL.test(cell))) return false;
  return !isKnownProgram(cells[0].split(/\s/)[0]);
}

/** Whether a line begins a command the list knows, which ends a table of output. */
export function startsWithKnownProgram(line: string): boolean {
  const word = line.trim().split(/\s/, 1)[0];
  return isKnownProgram(word.slice(word.lastIndexOf('/') + 1));
}
