// micromark's event splicing grows faster than linearly with the length of what it parses
// (about 13 s for 1 MB here against 0.1 s for 10 KB), so long documents are parsed in pieces.
// A piece may only start where no Markdown construct can continue: at a top-level ATX heading,
// or at a line in column 0 after a blank line that is not a list item (which could belong to a
// loose list above). Fenced code, HTML comments and raw HTML blocks, which do run across such
// lines, and front matter are tracked here. This pre-pass only decides where the parser may
// restart; all structure still comes from the parser.

/** Documents up to twice this size are parsed in one go, longer ones in pieces of about this size. */
export const CHUNK_CHARS = 24_000;

/**
 * Longest stretch of Markdown (code fences aside) with nowhere to cut it. A longer one (a
 * 32 KB paragraph, table or list with no blank line) is never seen in a runbook but can take
 * the parser minutes, so it is left out with a warning.
 */
export const MAX_STRETCH_CHARS = 32_000;

/**
 * Most block quotes and list items opened on one line. The parser's time grows with the square
 * of the nesting and it overflows the stack past a few thousand levels; runbooks nest a handful.
 */
export const MAX_NESTING = 32;

export type SkipReason = 'long' | 'deep';

export interface ChunkStart {
  /** Character offset of the first character of the piece. */
  offset: number;
  /** 0-based line number of the first line of the piece. */
  line: number;
  /** Why the piece must not be parsed: one stretch too long or too deeply nested. */
  skip: SkipReason | null;
}

interface Fence {
  marker: string;
  length: number;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
const LIST_ITEM = /^(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const RAW_HTML_OPEN = /^ {0,3}<(pre|script|style|textarea)(?:[\s>]|$)/i;
const HTML_LINE = /^ {0,3}<[A-Za-z/!?]/;
const TOO_DEEP = new RegExp(`^(?:[ \\t]*(?:>|(?:[-+*]|\\d{1,9}[.)])(?=[ \\t]|$))){${MAX_NESTING + 1}}`);

function opensFence(line: string): Fence | null {
  const m = FENCE_OPEN.exec(line);
  if (!m) return null;
  if (m[1][0] === '`' && m[2].includes('`')) return null;
  return { marker: m[1][0], length: m[1].length };
}

function closesFence(line: string, fence: Fence): boolean {
  const m = FENCE_OPEN.exec(line);
  return m !== null && m[1][0] === fence.marker && m[1].length >= fence.length && m[2].trim() === '';
}

/** Where front matter ends (offset and line of the first line after it), or the start. */
function afterFrontMatter(text: string): { offset: number; line: number } {
  const open = /^(---|\+\+\+)[ \t]*\n/.exec(text);
  if (!open) return { offset: 0, line: 0 };
  const close = new RegExp(`\\n${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\n|$)`).exec(text.slice(open[0].length - 1));
  if (!close) return { offset: 0, line: 0 };
  const offset = open[0].length - 1 + close.index + close[0].length;
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return { offset, line };
}

/** Tracks the constructs that run across lines where a piece could otherwise start. */
class LineState {
  private fence: Fence | null = null;
  private inComment = false;
  private rawHtml: string | null = null;
  private htmlBlock = false;
  private previousBlank = true;

  /** Reads one line: may a piece start at it, is it fenced code, does it nest too deep. */
  read(raw: string): { canStart: boolean; fenced: boolean; deep: boolean } {
    const blank = raw.trim() === '';
    if (blank) this.htmlBlock = false;
    let canStart = false;
    let fenced = false;
    let deep = false;
    if (this.fence) {
      fenced = !closesFence(raw, this.fence);
      if (!fenced) this.fence = null;
    } else if (this.inComment) {
      if (raw.includes('-->')) this.inComment = false;
    } else if (this.rawHtml) {
      if (raw.toLowerCase().includes(`</${this.rawHtml}>`)) this.rawHtml = null;
    } else if (!blank) {
      deep = TOO_DEEP.test(raw.slice(0, 4 * (MAX_NESTING + 1) + 64));
      canStart = (ATX_HEADING.test(raw) && !this.htmlBlock) || (this.previousBlank && !/^[ \t]/.test(raw) && !LIST_ITEM.test(raw));
      const comment = raw.indexOf('<!--');
      const html = RAW_HTML_OPEN.exec(raw);
      const opened = opensFence(raw);
      if (opened) this.fence = opened;
      else if (comment >= 0 && !raw.includes('-->', comment + 4)) this.inComment = true;
      else if (html && !raw.toLowerCase().includes(`</${html[1].toLowerCase()}>`)) this.rawHtml = html[1].toLowerCase();
      else if (HTML_LINE.test(raw)) this.htmlBlock = true;
    }
    this.previousBlank = blank;
    return { canStart, fenced, deep };
  }
}

/**
 * Offsets at which `text` can be cut into independently parsed pieces of at least `target`
 * characters. The first start is always the beginning of the document. A stretch between two
 * places where a piece could start that is longer than `MAX_STRETCH_CHARS`, or nests deeper
 * than `MAX_NESTING`, becomes a piece of its own marked to be skipped.
 */
export function chunkStarts(text: string, target: number = CHUNK_CHARS): ChunkStart[] {
  const starts: ChunkStart[] = [{ offset: 0, line: 0, skip: null }];
  const state = new LineState();
  const begin = afterFrontMatter(text);
  let pos = begin.offset;
  let line = begin.line;
  let candidate = { offset: 0, line: 0 };
  let cost = pos;
  let deep = false;

  const isolate = (endOffset: number, endLine: number): void => {
    const skip: SkipReason = deep ? 'deep' : 'long';
    const last = starts[starts.length - 1];
    if (last.offset === candidate.offset) last.skip = skip;
    else starts.push({ ...candidate, skip });
    if (endOffset < text.length) starts.push({ offset: endOffset, line: endLine, skip: null });
  };

  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const read = state.read(text.slice(pos, end));
    if (read.canStart) {
      if (deep || cost > MAX_STRETCH_CHARS) isolate(pos, line);
      else if (pos - starts[starts.length - 1].offset >= target) starts.push({ offset: pos, line, skip: null });
      candidate = { offset: pos, line };
      cost = 0;
      deep = false;
    }
    if (read.deep) deep = true;
    if (!read.fenced) cost += end - pos + 1;
    pos = end + 1;
    line += 1;
  }
  if (deep || cost > MAX_STRETCH_CHARS) isolate(text.length, line);
  return starts;
}
