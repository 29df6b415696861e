// Parses bash with mvdan/sh (the parser behind shfmt), compiled to plain JavaScript:
// synchronous, no WebAssembly.
import type { GoType, GoValue, ParseError, Parser } from 'mvdan-sh';
import { loadKeepingGlobals } from './parser-load-guard';
import type { File, Node } from './syntax-tree';

/** Longer commands are refused unread: no runbook step is this long, and parsing is not free. */
const MAX_COMMAND_LENGTH = 100_000;

/** The parsed text, with positions (UTF-8 byte offsets) turned back into text. */
export class Source {
  private readonly bytes: Buffer | null;

  constructor(readonly text: string) {
    const bytes = Buffer.from(text, 'utf8');
    this.bytes = bytes.length === text.length ? null : bytes;
  }

  /** The text between two byte offsets. */
  slice(start: number, end: number): string {
    return this.bytes ? this.bytes.subarray(start, end).toString('utf8') : this.text.slice(start, end);
  }

  of(node: Node): string {
    return this.slice(node.pos, node.end);
  }

  /** The byte offset of the end of the line after the one `offset` is on. */
  endOfNextLine(offset: number): number {
    const newline = (from: number): number => {
      const i = this.bytes ? this.bytes.indexOf(10, from) : this.text.indexOf('\n', from);
      return i < 0 ? this.byteLength : i;
    };
    const lineEnd = newline(offset);
    return lineEnd >= this.byteLength ? lineEnd : newline(lineEnd + 1);
  }

  get byteLength(): number {
    return this.bytes ? this.bytes.length : this.text.length;
  }
}

export type ParsedShell = { ok: true; file: File; source: Source } | { ok: false; error: string };

// GopherJS kinds of the Go types in the tree.
const KIND = { interface: 20, pointer: 22, slice: 23, struct: 25 };
const SYNTAX_POINTER = '*syntax.';

function isSyntaxNode(value: unknown): value is GoValue {
  const type = (value as GoValue | undefined)?.constructor as GoType | undefined;
  return typeof type?.string === 'string' && type.string.startsWith(SYNTAX_POINTER) && value !== type.nil;
}

function goPosition(pos: unknown): number {
  return (pos as { offs: number }).offs;
}

function convertValue(value: unknown, type: GoType): unknown {
  switch (type.kind) {
    case KIND.pointer:
    case KIND.interface:
      return isSyntaxNode(value) ? convert(value) : null;
    case KIND.slice: {
      const slice = value as { $array: unknown[]; $offset: number; $length: number };
      const items: unknown[] = [];
      for (let i = 0; i < slice.$length; i += 1) items.push(convertValue(slice.$array[slice.$offset + i], type.elem as GoType));
      return items;
    }
    case KIND.struct:
      return type.string === 'syntax.Pos' ? goPosition(value) : undefined;
    default:
      return value;
  }
}

/** Where a node starts or ends; -1 for the parts of `${x:-a}`, `${x/a/b}`, `${x:1:2}` that have no position of their own. */
function position(value: GoValue, method: 'Pos' | 'End'): number {
  const read = value[method];
  return typeof read === 'function' ? goPosition((read as () => unknown).call(value)) : -1;
}

/** Copies a Go syntax node into a plain object, with its position and end. */
function convert(value: GoValue): Node {
  const node: Record<string, unknown> = {
    type: value.constructor.string.slice(SYNTAX_POINTER.length),
    pos: position(value, 'Pos'),
    end: position(value, 'End'),
  };
  for (const field of value.constructor.elem?.fields ?? []) {
    const converted = convertValue(value[field.prop], field.typ);
    if (converted !== undefined) node[field.name] = converted;
  }
  return node as unknown as Node;
}

let loaded: Parser | undefined;

/**
 * The parser, loaded with the first command parsed: its 3 MB of code take about 40 ms to run and
 * 10 MB of memory, which an engine that only runs monitors never needs. The bundles leave it
 * outside (scripts/build.mjs), so its source is not even compiled until then.
 */
function parser(): Parser {
  loaded ??= loadKeepingGlobals(() => (require('mvdan-sh') as typeof import('mvdan-sh').default).syntax.NewParser());
  return loaded;
}

function isParseError(err: unknown): err is ParseError {
  return typeof err === 'object' && err !== null && typeof (err as ParseError).Text === 'string' && 'Pos' in err;
}

/** Parses bash. A syntax error comes back as a sentence a person can act on, never as a throw. */
export function parseShell(text: string): ParsedShell {
  if (text.length > MAX_COMMAND_LENGTH) {
    return { ok: false, error: `the command is longer than ${MAX_COMMAND_LENGTH} characters and was not checked` };
  }
  try {
    const file = convert(parser().Parse(text, '').__internal_object__) as File;
    return { ok: true, file, source: new Source(text) };
  } catch (err) {
    if (isParseError(err)) return { ok: false, error: `shell syntax error on line ${err.Pos.Line()}: ${err.Text}` };
    // The parser and the conversion recurse once per nesting level: a stack overflow means absurd nesting.
    if (err instanceof RangeError) return { ok: false, error: 'the command is nested too deeply to check' };
    throw err;
  }
}
