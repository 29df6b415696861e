// What a shell word stands for once the shell has removed quotes and escapes: `r''m`,
// `"rm"` and `\rm` are all `rm`. A word that depends on the running shell ($VAR, $(…),
// globs) has no fixed value; its source text stands in for it.
import type { Source } from './shell-parser';
import type { DblQuoted, Lit, Node, SglQuoted, Word } from './syntax-tree';

export interface Arg {
  /**
   * The word without quotes and escapes. Parts the shell computes ($VAR, $(…)) appear as
   * written, so `"$DIR/x"` reads `$DIR/x`.
   */
  value: string;
  /** True when the value is fixed: only plain text and quotes, no expansion. */
  literal: boolean;
  /** True when unquoted `*`, `?`, `[…]` or `{a,b}` make the shell expand it into other words. */
  expands: boolean;
  /** The word as written. */
  source: string;
  /** Byte offsets of the word in the text it was parsed from. */
  start: number;
  end: number;
}

const UNQUOTED_EXPANSION = /(?<!\\)(?:[*?]|\[[^\]]*\]|\{[^{}]*(?:,|\.\.)[^{}]*\})/;

function unescapeUnquoted(text: string): string {
  return text.replace(/\\\n/g, '').replace(/\\(.)/gs, '$1');
}

function unescapeDoubleQuoted(text: string): string {
  return text.replace(/\\\n/g, '').replace(/\\([$`"\\])/g, '$1');
}

const ANSI_C: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/** Decodes `$'…'` text the way bash does. */
function unescapeAnsiC(text: string): string {
  return text.replace(/\\(x[0-9A-Fa-f]{1,2}|u[0-9A-Fa-f]{1,4}|U[0-9A-Fa-f]{1,8}|[0-7]{1,3}|c.|.)/gs, (whole, code: string) => {
    const kind = code[0];
    if (kind === 'x' || kind === 'u' || kind === 'U') return String.fromCodePoint(parseInt(code.slice(1), 16));
    if (/[0-7]/.test(kind)) return String.fromCharCode(parseInt(code, 8) & 0xff);
    if (kind === 'c') return String.fromCharCode(code.charCodeAt(1) & 0x1f);
    return ANSI_C[code] ?? whole;
  });
}

interface PartValue {
  value: string;
  literal: boolean;
  expands: boolean;
}

/** The value of a word part; a part the shell computes stands for itself, as written. */
function partValue(part: Node, inDoubleQuotes: boolean, source: Source): PartValue {
  switch (part.type) {
    case 'Lit': {
      const raw = (part as Lit).Value;
      if (inDoubleQuotes) return { value: unescapeDoubleQuoted(raw), literal: true, expands: false };
      return { value: unescapeUnquoted(raw), literal: true, expands: UNQUOTED_EXPANSION.test(raw) };
    }
    case 'SglQuoted': {
      const quoted = part as SglQuoted;
      return { value: quoted.Dollar ? unescapeAnsiC(quoted.Value) : quoted.Value, literal: true, expands: false };
    }
    case 'DblQuoted': {
      const inner = (part as DblQuoted).Parts.map((p) => partValue(p, true, source));
      return { value: inner.map((v) => v.value).join(''), literal: inner.every((v) => v.literal), expands: false };
    }
    default:
      return { value: source.of(part), literal: false, expands: !inDoubleQuotes };
  }
}

export function argOf(word: Word, source: Source): Arg {
  const start = word.pos;
  const end = word.end;
  const text = source.slice(start, end);
  const parts = word.Parts.map((p) => partValue(p, false, source));
  return {
    value: parts.map((v) => v.value).join(''),
    literal: parts.every((v) => v.literal),
    expands: parts.some((v) => v.expands),
    source: text,
    start,
    end,
  };
}

/** The part of a word the shell takes as it is, leaving out what it computes: `'$(a)'"$b"c` gives `$(a)c`. */
function fixedPart(part: Node, inDoubleQuotes: boolean, source: Source): string {
  if (part.type === 'DblQuoted') return (part as DblQuoted).Parts.map((p) => fixedPart(p, true, source)).join('');
  const v = partValue(part, inDoubleQuotes, source);
  return v.literal ? v.value : '';
}

/** The text a word holds as written, without the parts the shell computes when it runs. */
export function fixedText(word: Word, source: Source): string {
  return word.Parts.map((p) => fixedPart(p, false, source)).join('');
}

/**
 * A here-document's text. Expansions in an unquoted one are left as written: what they
 * produce is unknown here, and commands inside them are checked on their own.
 */
export function heredocText(word: Word, source: Source): string {
  return word.Parts.map((p) => (p.type === 'Lit' ? (p as Lit).Value : source.of(p))).join('');
}
