// What a wrapper runs and how wrappers read their own options: shared by the wrapper tables
// (wrappers.ts and wrapper-*.ts), which would otherwise import each other.
import { NO_INPUT, type CommandInput } from './command-input';
import type { Invocation } from './invocation';
import { parseArgs, valueSet, type Option, type OptionSyntax } from './options';
import type { Arg } from './word-values';

export type Inner =
  /** These words run as a command, e.g. `rm -rf x` in `sudo rm -rf x`; it reads the wrapper's input. */
  | { kind: 'command'; words: Arg[] }
  /** This text runs as a shell script; null when it is only known at run time. `input` when not the wrapper's. */
  | { kind: 'script'; text: string | null; what: string; input?: CommandInput }
  /** What runs cannot be told from the command line. */
  | { kind: 'unknown'; reason: string };

export interface WrapperRule {
  /** What runs inside; empty when the wrapper runs nothing else (`env` alone, `command -v x`). */
  inner(inv: Invocation, input: CommandInput): Inner[];
  /**
   * Why the wrapper itself is not read-only (`docker run` starts a container). Left out when
   * it changes nothing by itself, so that it is read-only exactly when what it runs is.
   */
  own?: (inv: Invocation) => string | null;
  /** The wrapper is also judged by the read-only table (`find` with `-exec`). */
  judgedByTable?: boolean;
  /** It ends what it runs after a while (`timeout`), so never-ending commands inside do end. */
  bounds?: boolean;
}

/** A wrapper's own options (those before the command it runs) and the words from there on. */
export class Leading {
  readonly options: readonly Option[];
  readonly rest: Arg[];
  /** The operands' values; with `stopAtOperand`, the first operand and every word after it. */
  readonly operands: readonly string[];

  constructor(private readonly words: readonly Arg[], syntax: OptionSyntax, stopAtOperand = true) {
    const parsed = parseArgs(words.map((w) => w.value), syntax, stopAtOperand);
    this.options = parsed.options;
    this.operands = parsed.operands;
    this.rest = words.slice(parsed.firstOperand);
  }

  has(...names: string[]): boolean {
    return this.options.some((o) => names.includes(o.name));
  }

  /** An option's value, and whether the word holding it is fixed text. */
  value(...names: string[]): { text: string; literal: boolean } | undefined {
    const option = this.options.find((o) => names.includes(o.name) && o.value !== undefined);
    if (option?.value === undefined) return undefined;
    const own = this.words[option.index];
    const word = own.value === option.name ? this.words[option.index + 1] : own;
    return { text: option.value, literal: word.literal };
  }
}

/** The options before the command a wrapper runs, read from word `from` on. */
export function lead(inv: Invocation, values = '', from = 0): Leading {
  return new Leading(inv.words.slice(from), { values: valueSet(values) });
}

/** A word made up for a command the wrapper implies (`psql` for `heroku pg:psql`), placed at the wrapper's own word. */
export function madeWord(value: string, at: Arg, literal = true): Arg {
  return { value, literal, expands: false, source: value, start: at.start, end: at.end };
}

/** A rule for a wrapper that runs the command after its options (and `skip` operands). */
export function runsCommand(values = '', skip = 0): WrapperRule['inner'] {
  return (inv) => {
    const words = lead(inv, values).rest.slice(skip);
    return words.length > 0 ? [{ kind: 'command', words }] : [];
  };
}

/** Shell text made of words joined by spaces, as `ssh`, `eval` and `watch` build it. */
export function joined(words: readonly Arg[]): string | null {
  return words.every((w) => w.literal) ? words.map((w) => w.value).join(' ') : null;
}

/** The words after a `--`, as kubectl takes the command to run in a container. */
export function afterDashes(inv: Invocation): Arg[] | null {
  const i = inv.words.findIndex((w) => w.value === '--');
  return i >= 0 ? inv.words.slice(i + 1) : null;
}

/** The commands a shell reads from its input; they use up that input. */
export function fromInput(input: CommandInput, runner: string, what: string): Inner {
  if (input.kind === 'none') return { kind: 'unknown', reason: `\`${runner}\` without a command opens an interactive shell` };
  if (input.text === null) return { kind: 'unknown', reason: `\`${runner}\` runs ${input.from} as shell commands` };
  return { kind: 'script', text: input.text, what, input: NO_INPUT };
}
