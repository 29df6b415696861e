// What a step does to the shell that runs it, besides the programs it starts: the variables it
// sets, the arithmetic it evaluates and the functions it defines. Bash evaluates a variable
// used as a number, and evaluating `a[$(cmd)]` runs cmd: so arithmetic on anything but
// written numbers is not read-only (`x='a[$(rm -rf /)]'; echo $((x))`). Variables carry to the
// later steps of the session, so setting one is judged by what it can make later commands do.
import { Invocation } from './invocation';
import { READ_ONLY_TABLE } from './read-only-table';
import { environmentProblem, heldCodeProblem, shellVariableProblem } from './read-only-variables';
import type { Source } from './shell-parser';
import {
  walk,
  type ArithmExp,
  type ArrayElem,
  type Assign,
  type BinaryTest,
  type CallExpr,
  type CStyleLoop,
  type DeclClause,
  type File,
  type FuncDecl,
  type LetClause,
  type Lit,
  type Node,
  type ParamExp,
  type UnaryTest,
  type Word,
} from './syntax-tree';
import { argOf, fixedText, type Arg } from './word-values';
import { WRAPPERS } from './wrappers';

/** `10`, `0x1F`, `017`, `2#101`: what arithmetic may hold besides operators. */
const NUMBER = /^(?:0[xX][0-9A-Fa-f]+|[0-9]+|[0-9]+#[0-9A-Za-z@_]+)$/;
/** `[[ … ]]` operators that evaluate both sides as arithmetic. */
const ARITHMETIC_TESTS = new Set(['-eq', '-ne', '-lt', '-le', '-gt', '-ge']);
/** `${x@Q}` and the like only quote or change case; `${x@P}` expands the value as a prompt, running `$(…)` in it. */
const HARMLESS_TRANSFORMS = /@[QEULuaAKk]\}$/;
/** Shell built-ins and keywords that no table lists but that a function must not hide either. */
const SHELL_WORDS = new Set(['export', 'declare', 'typeset', 'local', 'readonly', 'nameref', 'let', 'shift', 'times', 'alias', 'unalias', 'enable', 'getopts', 'mapfile', 'readarray', 'ulimit', 'caller', 'compgen', 'complete']);

function text(node: Node, src: Source): string {
  if (node.pos < 0 || node.end <= node.pos) return 'the expression';
  const whole = src.of(node).replace(/\s+/g, ' ');
  return whole.length > 60 ? `${whole.slice(0, 59)}…` : whole;
}

/** `${a[@]}`, `${#a[*]}`: every element, no arithmetic. */
function isListIndex(index: Node | null): boolean {
  if (index?.type !== 'Word') return false;
  const parts = (index as Word).Parts;
  return parts.length === 1 && parts[0].type === 'Lit' && /^[@*]$/.test((parts[0] as Lit).Value);
}

/** A word in arithmetic that is a written number, or `${#x}`: a length is always a number. */
function numericPart(part: Node): boolean {
  if (part.type === 'Lit') return NUMBER.test((part as Lit).Value);
  if (part.type !== 'ParamExp') return false;
  const p = part as ParamExp;
  return p.Length && !p.Exp && !p.Slice && (!p.Index || isListIndex(p.Index));
}

/** Whether an arithmetic expression holds nothing but numbers and operators. */
function onlyNumbers(expr: Node | null): boolean {
  if (!expr) return true;
  let plain = true;
  walk(expr, (n) => {
    if (!plain) return false;
    if (n.type !== 'Word') return true;
    plain = (n as Word).Parts.every(numericPart);
    return false;
  });
  return plain;
}

function arithmeticProblem(node: Node, src: Source): string {
  return `\`${text(node, src)}\` evaluates a variable or command output as a number, which runs any command in a subscript it holds (\`a[$(cmd)]\`)`;
}

function parameterProblem(p: ParamExp, src: Source): string | null {
  if (p.Excl && p.Names === 0 && !isListIndex(p.Index)) return `\`${text(p, src)}\` expands the variable a value names, which runs any command in a subscript it holds`;
  if (p.Index && !isListIndex(p.Index) && !onlyNumbers(p.Index)) return arithmeticProblem(p, src);
  if (p.Slice && !(onlyNumbers(p.Slice.Offset) && onlyNumbers(p.Slice.Length))) return arithmeticProblem(p, src);
  const whole = p.pos >= 0 ? src.of(p) : '';
  if (p.Exp && /@[A-Za-z]\}$/.test(whole) && !HARMLESS_TRANSFORMS.test(whole)) return `\`${text(p, src)}\` expands the value as a prompt, which runs the commands in it`;
  return null;
}

function testProblem(node: Node, src: Source): string | null {
  if (node.type === 'BinaryTest') {
    const test = node as BinaryTest;
    const op = src.slice(test.OpPos, test.Y.pos).trim();
    return ARITHMETIC_TESTS.has(op) && !(onlyNumbers(test.X) && onlyNumbers(test.Y)) ? arithmeticProblem(test, src) : null;
  }
  const test = node as UnaryTest;
  const op = src.slice(test.OpPos, test.X.pos).trim();
  if (op !== '-v' && op !== '-R') return null;
  const name = test.X.type === 'Word' ? argOf(test.X as Word, src) : null;
  return name?.literal && /^[A-Za-z_]\w*(\[\d+\])?$/.test(name.value) ? null : `\`${text(test, src)}\` evaluates a subscript, which can run commands`;
}

/** The value a variable gets, when written in full; null when computed when it runs. */
function literalValue(assign: Assign, src: Source): string | null {
  if (assign.Array) return null;
  if (!assign.Value) return '';
  const value = argOf(assign.Value, src);
  return value.literal ? value.value : null;
}

/** The text a variable keeps as written, in its value and array elements. */
function heldText(assign: Assign, src: Source): string {
  const words = [assign.Value, ...(assign.Array?.Elems ?? []).map((e) => e.Value)];
  return words.map((w) => (w ? fixedText(w, src) : '')).join(' ');
}

/** `NAME=v cmd` hands NAME to cmd (and what it runs); `NAME=v` alone sets a shell variable for later commands and steps. */
function assignmentProblem(call: CallExpr, src: Source): string | null {
  const program = call.Args.length > 0 ? argOf(call.Args[0], src).value : null;
  for (const assign of call.Assigns) {
    const name = assign.Name?.Value ?? '';
    let problem: string | null;
    if (program === null) problem = shellVariableProblem(name, literalValue(assign, src)) ?? heldCodeProblem(name, heldText(assign, src));
    // `IFS= read -r line`: how read splits the line it reads, nothing more.
    else if (program === 'read' && name === 'IFS') problem = null;
    else problem = environmentProblem(name, literalValue(assign, src));
    if (problem) return problem;
  }
  return null;
}

interface Declared {
  name: string;
  value: string | null;
  held: string;
}

/** `export NAME=v`, `declare -x`, `local`, `readonly`: as assignments, and `-i`/`-n` make later ones evaluate. */
function declarationProblem(decl: DeclClause, src: Source): string | null {
  const variant = decl.Variant.Value;
  const flags = new Set<string>();
  const declared: Declared[] = [];
  for (const assign of decl.Args) {
    if (assign.Name) {
      declared.push({ name: assign.Name.Value, value: assign.Naked ? null : literalValue(assign, src), held: heldText(assign, src) });
      continue;
    }
    if (!assign.Value) continue;
    // A quoted word: options, or a name (and value) the parser left as text.
    const word: Arg = argOf(assign.Value, src);
    if (!word.literal) return `\`${variant} ${word.source}\` sets a variable whose name is only known when it runs`;
    if (/^[-+]/.test(word.value)) {
      if (word.value.startsWith('-')) for (const flag of word.value.slice(1)) flags.add(flag);
      continue;
    }
    const eq = word.value.indexOf('=');
    declared.push(eq < 0 ? { name: word.value, value: null, held: '' } : { name: word.value.slice(0, eq), value: word.value.slice(eq + 1), held: word.value.slice(eq + 1) });
  }
  const exporting = variant === 'export' ? !flags.has('n') : flags.has('x');
  if (variant === 'export' && flags.has('f')) return '`export -f` hands functions to the shells that later commands start';
  if (variant !== 'export' && flags.has('i')) return `\`${variant} -i\` makes every later assignment to the variable evaluate arithmetic, which can run commands`;
  if (variant === 'nameref' || (variant !== 'export' && flags.has('n'))) return `\`${variant} -n\` makes a variable stand for another, named by its value, which can run commands in a subscript`;
  for (const d of declared) {
    const problem = (exporting ? environmentProblem(d.name, d.value) : shellVariableProblem(d.name, d.value)) ?? heldCodeProblem(d.name, d.held);
    if (problem) return problem;
  }
  return null;
}

/** Whether the name is one the tables judge as a command: a function of that name would run instead. */
function namesACommand(name: string): boolean {
  const own = Object.prototype.hasOwnProperty;
  const word: Arg = { value: name, literal: true, expands: false, source: name, start: 0, end: 0 };
  const kind = new Invocation(name, [], word).kind;
  return SHELL_WORDS.has(name) || own.call(READ_ONLY_TABLE, kind) || own.call(WRAPPERS, name) || kind !== name;
}

function functionProblem(decl: FuncDecl): string | null {
  const name = decl.Name.Value;
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) return `the function name \`${name}\` is not a plain name`;
  return namesACommand(name) ? `the function \`${name}\` hides the command of that name, so what runs is not what the command says` : null;
}

function nodeProblem(node: Node, src: Source): string | null {
  switch (node.type) {
    case 'CallExpr':
      return assignmentProblem(node as CallExpr, src);
    case 'DeclClause':
      return declarationProblem(node as DeclClause, src);
    case 'ArithmExp':
    case 'ArithmCmd':
      return onlyNumbers((node as ArithmExp).X) ? null : arithmeticProblem(node, src);
    case 'LetClause':
      return (node as LetClause).Exprs.every(onlyNumbers) ? null : arithmeticProblem(node, src);
    case 'CStyleLoop': {
      const loop = node as CStyleLoop;
      return [loop.Init, loop.Cond, loop.Post].every(onlyNumbers) ? null : arithmeticProblem(node, src);
    }
    case 'Assign':
    case 'ArrayElem': {
      const index = (node as Assign | ArrayElem).Index;
      return index && !onlyNumbers(index) ? arithmeticProblem(node, src) : null;
    }
    case 'ParamExp':
      return parameterProblem(node as ParamExp, src);
    case 'BinaryTest':
    case 'UnaryTest':
      return testProblem(node, src);
    case 'FuncDecl':
      return functionProblem(node as FuncDecl);
    default:
      return null;
  }
}

/** Why what the script does to its own shell is not read-only; empty when it does nothing of the kind. */
export function shellProblems(file: File, src: Source): string[] {
  const problems = new Set<string>();
  walk(file, (node) => {
    const problem = nodeProblem(node, src);
    if (problem) problems.add(problem);
    return true;
  });
  return [...problems];
}

/** Commands that can remove or redefine a function where the checks cannot see it. */
const UNSEEN_CHANGES = /^(unset|eval|source|\.|trap|exec|alias|enable)$/;

/**
 * The functions surely defined when a later command of this script runs, with where each
 * definition ends: only those defined by the script's own top-level statements, since a
 * definition in a subshell, pipeline, condition or loop may not be in effect, and none when
 * the script could remove one unseen (`unset -f`, `eval`).
 */
export function definedFunctions(file: File, src: Source): Map<string, number> {
  const defined = new Map<string, number>();
  let unseen = false;
  walk(file, (n) => {
    if (n.type === 'CallExpr' && (n as CallExpr).Args.length > 0 && UNSEEN_CHANGES.test(argOf((n as CallExpr).Args[0], src).value)) unseen = true;
    return !unseen;
  });
  if (unseen) return defined;
  for (const stmt of file.Stmts) {
    if (stmt.Cmd?.type === 'FuncDecl' && !stmt.Background) defined.set((stmt.Cmd as FuncDecl).Name.Value, stmt.end);
  }
  return defined;
}
