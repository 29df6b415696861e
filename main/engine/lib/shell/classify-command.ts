// Classifies a shell command by walking its syntax tree: every simple command (in pipes,
// lists, subshells, substitutions, loops, functions, and inside wrappers such as `sudo`,
// `sh -c`, `ssh host` or `kubectl exec … --`) is looked up in the read-only table, the
// destructive rules and the never-ending rules; redirections and pipes into shells count too.
import { NO_INPUT, type CommandInput } from './command-input';
import { classifyDatabaseClient } from './database-clients';
import { destructiveReasons } from './destructive-rules';
import { DISK_DEVICE } from './destructive-rule';
import { Invocation } from './invocation';
import { neverEnding, type NeverEnding } from './never-ending';
import { isNotAFile } from './read-only-checks';
import { definedFunctions, shellProblems } from './read-only-shell';
import { readOnlyProblem } from './read-only-table';
import { wrapperProblem } from './read-only-wrappers';
import { parseShell, type Source } from './shell-parser';
import { childNodes, walk, type BinaryCmd, type CallExpr, type CStyleLoop, type ForClause, type Node, type Redirect, type Stmt, type WhileClause } from './syntax-tree';
import { argOf, heredocText, type Arg } from './word-values';
import { wrapperFor, type Inner, type WrapperRule } from './wrappers';

export interface ShellCommand {
  /** The program's name without its directory; as written when it is only known at run time. */
  program: string;
  subcommand?: string;
  /** Every word after the program, sub-command included, without quotes. */
  args: string[];
}

export interface Classification {
  /** True only when every command is on the read-only list and nothing writes a file. */
  readOnly: boolean;
  /** Destroys data, stops something or rolls back: ask by name before running it. */
  destructive: boolean;
  /** What and why, for people; the destructive findings come first. Empty when read-only. */
  reasons: string[];
  /** Why it would never end on its own, with a form that does when there is one. */
  never: NeverEnding | null;
  /** Every simple command found, wrappers and what they run (`sudo rm x`: `sudo` and `rm`). */
  commands: ShellCommand[];
}

/** Wrappers inside wrappers deeper than this are not followed (`sh -c "sh -c '…'"`). */
const MAX_DEPTH = 8;
/** A program given by path is the known program only in the system's own directories. */
const SYSTEM_PROGRAM = /^\/(?:usr\/(?:local\/)?)?s?bin\/[^/]+$/;
// Writing here makes the kernel act (SysRq can reboot, crash or kill everything; the others reset or drop state).
const KERNEL_TRIGGER = /^\/proc\/(?:sysrq-trigger|sys\/vm\/drop_caches|sys\/kernel\/(?:panic|sysrq))$/;
const DATABASE_FILE = /\.(db|sqlite|sqlite3)$/i;
const OUTPUT_OPERATORS = new Set(['>', '>>', '>|', '&>', '&>>', '<>', '>&']);
const OVERWRITING_OPERATORS = new Set(['>', '>|', '&>']);
const NO_FUNCTIONS: ReadonlyMap<string, number> = new Map();

interface Scope {
  depth: number;
  /** The caller's text, while positions point into it: bounded forms are offered only then. */
  top: Source | null;
  /** Inside `timeout`: what runs ends anyway. */
  bounded: boolean;
  /**
   * Functions surely defined when the commands of this script run, with the offset where each
   * definition ends: calling one after that runs its body, which is judged where it is defined.
   * Empty for commands that wrappers run (`sudo f`, `xargs f`): they start the program, not the function.
   */
  functions: ReadonlyMap<string, number>;
}

class Findings {
  readonly destructive = new Set<string>();
  readonly writes = new Set<string>();
  never: NeverEnding | null = null;
  readonly commands: ShellCommand[] = [];
}

/** Visits the statements below `node` (in substitutions, bodies, conditions), each once. */
function nested(node: Node, src: Source, scope: Scope, out: Findings): void {
  for (const child of childNodes(node)) {
    walk(child, (n) => {
      if (n.type !== 'Stmt') return true;
      statement(n as Stmt, src, scope, out, NO_INPUT);
      return false;
    });
  }
}

function classifyScript(text: string, scope: Scope, out: Findings, input: CommandInput): void {
  const parsed = parseShell(text);
  if (!parsed.ok) {
    out.writes.add(`${parsed.error}, so it cannot be checked`);
    return;
  }
  // Variables set, arithmetic evaluated, functions defined: what the script does to its own shell.
  for (const problem of shellProblems(parsed.file, parsed.source)) out.writes.add(problem);
  // A script run by another shell (`sh -c`, `ssh host`) sees none of the caller's functions.
  const inScope = { ...scope, top: scope.depth === 0 ? parsed.source : null, functions: definedFunctions(parsed.file, parsed.source) };
  for (const stmt of parsed.file.Stmts) statement(stmt, parsed.source, inScope, out, input);
}

function statement(stmt: Stmt, src: Source, scope: Scope, out: Findings, input: CommandInput): void {
  let stdin = input;
  for (const r of stmt.Redirs) stdin = redirect(r, stmt, src, scope, out) ?? stdin;
  const cmd = stmt.Cmd;
  if (!cmd) return;
  switch (cmd.type) {
    case 'CallExpr':
      call(cmd as CallExpr, src, scope, out, stdin);
      return;
    case 'BinaryCmd':
      binary(cmd as BinaryCmd, src, scope, out, stdin);
      return;
    case 'WhileClause':
      if (!scope.bounded && endlessWhile(cmd as WhileClause, src)) out.never ??= { reason: `\`${(cmd as WhileClause).Until ? 'until false' : 'while true'}\` loops forever` };
      break;
    case 'ForClause': {
      const loop = (cmd as ForClause).Loop;
      if (!scope.bounded && loop.type === 'CStyleLoop' && !(loop as CStyleLoop).Cond) out.never ??= { reason: '`for ((;;))` loops forever' };
      break;
    }
  }
  nested(cmd, src, scope, out);
}

function firstWord(stmt: Stmt, src: Source): Arg | null {
  if (!stmt.Cmd || stmt.Cmd.type !== 'CallExpr') return null;
  const args = (stmt.Cmd as CallExpr).Args;
  return args.length > 0 ? argOf(args[0], src) : null;
}

/** `while true`, `while :`, `until false`, with no `break`, `exit` or `return` in the body. */
function endlessWhile(loop: WhileClause, src: Source): boolean {
  const cond = loop.Cond.length === 1 ? firstWord(loop.Cond[0], src)?.value : undefined;
  if (!(loop.Until ? cond === 'false' : cond === 'true' || cond === ':')) return false;
  let leaves = false;
  for (const stmt of loop.Do) {
    walk(stmt, (n) => {
      if (n.type === 'Stmt' && /^(break|exit|return)$/.test(firstWord(n as Stmt, src)?.value ?? '')) leaves = true;
      return !leaves;
    });
  }
  return !leaves;
}

/** A statement that writes nothing to its output, so `STATEMENT > file` empties the file. */
function writesNothing(stmt: Stmt, src: Source): boolean {
  if (!stmt.Cmd) return true;
  if (stmt.Cmd.type !== 'CallExpr') return false;
  const words = (stmt.Cmd as CallExpr).Args.map((w) => argOf(w, src).value);
  if (/^(:|true|false)$/.test(words[0] ?? '') || words.join(' ') === 'cat /dev/null' || words.join(' ') === 'echo -n') return true;
  // `echo > f`, `echo "" > f`, `printf '' > f`: a blank line at most, the file's content is gone.
  return printedText(stmt, src)?.trim() === '';
}

/** Judges one redirection; returns what it feeds the command on its input, if anything. */
function redirect(r: Redirect, stmt: Stmt, src: Source, scope: Scope, out: Findings): CommandInput | null {
  nested(r, src, scope, out);
  const op = src.slice(r.OpPos, r.Word.pos).trim();
  const target = argOf(r.Word, src);
  if (op === '<<' || op === '<<-') return { kind: 'heredoc', text: r.Hdoc ? heredocText(r.Hdoc, src) : '', from: 'a here-document' };
  if (op === '<<<') return { kind: 'heredoc', text: `${target.value}\n`, from: 'a here-string' };
  if (op === '<') return { kind: 'file', text: null, from: `\`${target.value}\`` };
  if (!OUTPUT_OPERATORS.has(op) || (op === '>&' && /^(\d+|-)$/.test(target.value)) || isNotAFile(target.value)) return null;
  if (DISK_DEVICE.test(target.value)) out.destructive.add(`\`${op} ${target.value}\` writes raw data to a disk device`);
  else if (KERNEL_TRIGGER.test(target.value)) out.destructive.add(`\`${op} ${target.value}\` tells the kernel to act at once (it may reboot or halt the machine)`);
  else if (OVERWRITING_OPERATORS.has(op) && DATABASE_FILE.test(target.value)) out.destructive.add(`the \`>\` redirection overwrites the database file ${target.value}`);
  else if (OVERWRITING_OPERATORS.has(op) && writesNothing(stmt, src)) out.destructive.add(`\`${src.of(stmt).trim()}\` empties ${target.source}`);
  else out.writes.add(`\`${op} ${target.source}\` ${op.includes('>>') ? 'appends' : 'writes'} to ${target.source}`);
  return null;
}

/** What a command prints when the command line alone tells: `echo …`, `printf '…'`, `cat <<EOF`. */
function printedText(stmt: Stmt, src: Source): string | null {
  if (!stmt.Cmd || stmt.Cmd.type !== 'CallExpr') return null;
  const words = (stmt.Cmd as CallExpr).Args.map((w) => argOf(w, src));
  if (!words.every((w) => w.literal)) return null;
  const [program, ...args] = words.map((w) => w.value);
  if (program === 'echo') return `${args.filter((a, i) => !(i === 0 && /^-[neE]+$/.test(a))).join(' ')}\n`;
  if (program === 'printf' && args.length === 1 && !args[0].includes('%')) return args[0].replace(/\\n/g, '\n');
  if (program === 'cat' && args.length === 0) {
    const heredoc = stmt.Redirs.find((r) => /^<<-?$/.test(src.slice(r.OpPos, r.Word.pos).trim()));
    return heredoc?.Hdoc ? heredocText(heredoc.Hdoc, src) : null;
  }
  return null;
}

function binary(cmd: BinaryCmd, src: Source, scope: Scope, out: Findings, input: CommandInput): void {
  const op = src.slice(cmd.OpPos, cmd.OpPos + 2);
  statement(cmd.X, src, scope, out, input);
  if (op.startsWith('|') && op !== '||') {
    const from = firstWord(cmd.X, src);
    const piped: CommandInput = { kind: 'pipe', text: printedText(cmd.X, src), from: from ? `the output of \`${from.value}\`` : 'the output of the command before it' };
    statement(cmd.Y, src, scope, out, piped);
  } else {
    statement(cmd.Y, src, scope, out, NO_INPUT);
  }
}

function call(expr: CallExpr, src: Source, scope: Scope, out: Findings, input: CommandInput): void {
  for (const assign of expr.Assigns) nested(assign, src, scope, out);
  for (const word of expr.Args) nested(word, src, scope, out);
  if (expr.Args.length > 0) command(expr.Args.map((w) => argOf(w, src)), scope, out, input);
}

/** The caller's whole text with this command replaced by its bounded form. */
function boundedText(found: NeverEnding, words: readonly Arg[], scope: Scope): NeverEnding {
  if (found.bounded === undefined || !scope.top) return { reason: found.reason };
  const top = scope.top;
  const start = words[0].start;
  const end = words[words.length - 1].end;
  return { reason: found.reason, bounded: `${top.slice(0, start)}${found.bounded}${top.slice(end, top.byteLength)}`.trim() };
}

function command(words: Arg[], scope: Scope, out: Findings, input: CommandInput): void {
  const [first, ...rest] = words;
  if (!first.literal || first.expands) {
    out.writes.add(`the program \`${first.source}\` is only known when the command runs`);
    out.commands.push({ program: first.source, args: rest.map((w) => w.value) });
    return;
  }
  const path = first.value;
  const inv = new Invocation(path.slice(path.lastIndexOf('/') + 1), rest, first);
  out.commands.push({ program: inv.program, ...(inv.subcommand ? { subcommand: inv.subcommand } : {}), args: inv.args });

  const destroys = destructiveReasons(inv, input);
  for (const reason of destroys) out.destructive.add(reason);

  if (!scope.bounded && !out.never) {
    const never = neverEnding(inv, input);
    const streaming = classifyDatabaseClient(inv, input)?.never;
    if (never) out.never = boundedText(never, words, scope);
    else if (streaming) out.never = { reason: streaming };
  }

  const wrapper = wrapperFor(inv);
  const definedAt = scope.functions.get(path);
  let problem: string | null;
  // A function called with arguments passes them to commands that were judged without them.
  if (definedAt !== undefined && first.start >= definedAt) problem = rest.length > 0 ? `\`${path}\` is a function here, and its arguments reach commands inside it unchecked` : null;
  else if (path.includes('/') && !SYSTEM_PROGRAM.test(path)) problem = `\`${path}\` is a program outside the system directories`;
  else if (wrapper && !wrapper.judgedByTable) problem = wrapper.own?.(inv) ?? wrapperProblem(inv);
  else problem = readOnlyProblem(inv, input);
  if (problem && destroys.length === 0) out.writes.add(problem);

  if (wrapper) for (const inner of wrapper.inner(inv, input)) runInner(inner, wrapper, scope, out, input);
}

function runInner(inner: Inner, wrapper: WrapperRule, scope: Scope, out: Findings, input: CommandInput): void {
  if (inner.kind === 'unknown') {
    out.writes.add(inner.reason);
    return;
  }
  if (scope.depth >= MAX_DEPTH) {
    out.writes.add('commands are nested inside other commands too deeply to check');
    return;
  }
  // What a wrapper runs is a program, never a function of the caller's (`sudo chown` runs chown).
  const innerScope: Scope = { ...scope, depth: scope.depth + 1, bounded: scope.bounded || wrapper.bounds === true, functions: NO_FUNCTIONS };
  if (inner.kind === 'command') command(inner.words, innerScope, out, input);
  else if (inner.text === null) out.writes.add(`${inner.what} runs a command that is only known when it runs`);
  else classifyScript(inner.text, innerScope, out, inner.input ?? input);
}

/**
 * Whether a shell command only reads, whether it is destructive, whether it would never end,
 * and why — for people. Unknown commands are not read-only; a syntax error is not read-only.
 */
export function classifyCommand(text: string): Classification {
  const out = new Findings();
  classifyScript(text, { depth: 0, top: null, bounded: false, functions: NO_FUNCTIONS }, out, NO_INPUT);
  const destructive = [...out.destructive];
  const writes = [...out.writes].filter((w) => !out.destructive.has(w));
  return {
    readOnly: destructive.length === 0 && writes.length === 0,
    destructive: destructive.length > 0,
    reasons: [...destructive, ...writes],
    never: out.never,
    commands: out.commands,
  };
}
