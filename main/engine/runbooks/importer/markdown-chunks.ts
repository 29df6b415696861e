// A pre-pass over the lines of a document that finds the stretches too risky to hand to the
// parser: a long run of Markdown with nowhere to break it, or a line that nests block quotes and
// list items very deep. Such a stretch may only be cut out where no Markdown construct can run
// across the cut: at a top-level ATX heading, or at a line in column 0 after a blank line that
// is not a list item (which could belong to a loose list above). Fenced code, HTML comments and
// raw HTML blocks, which do run across such lines, and front matter are tracked here. All
// structure still comes from the parser.

/**
 * Longest stretch of Markdown (code fences aside) with nowhere to cut it. A longer one (a
 * 32 KB paragraph, table or list with no blank line) is never seen in a runbook; what reads it
 * after the parser (the shell parser, the prose readers) is not made for it.
 */
export const MAX_STRETCH_CHARS = 32_000;

/**
 * Most block quotes and list items opened on one line. Runbooks nest a handful; deeper nesting
 * is only seen in hostile input, and the parser reads at most a few hundred levels.
 */
export const MAX_NESTING = 32;

/**
 * Widest run of blanks, `>` and list markers a line may start with. Lists nest one level per
 * two columns of indentation or more, so past this a document could nest deeper, over its lines,
 * than the parser reads (it would drop the rest of the document); runbooks indent a few levels.
 */
export const MAX_PREFIX_COLUMNS = 200;

export type SkipReason = 'long' | 'deep';

/** A stretch left out of the parse. */
export interface RiskyStretch {
  /** Offsets of its first character and just after its last. */
  from: number;
  to: number;
  /** 1-based lines, for the warning. */
  firstLine: number;
  lastLine: number;
  reason: SkipReason;
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
const CONTAINER_PREFIX = /^(?:[ \t>]|(?:[-+*]|\d{1,9}[.)])(?=[ \t]))*/;
const TOO_DEEP = new RegExp(`^(?:[ \\t]*(?:>|(?:[-+*]|\\d{1,9}[.)])(?=[ \\t]|$))){${MAX_NESTING + 1}}`);

/** Columns taken by the blanks, `>` and list markers a line starts with (a tab to the next multiple of 4). */
function prefixColumns(line: string): number {
  const prefix = CONTAINER_PREFIX.exec(line.slice(0, MAX_PREFIX_COLUMNS + 1))?.[0] ?? '';
  let columns = 0;
  for (const ch of prefix) columns = ch === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return columns;
}

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

export interface FrontMatterSpan {
  format: 'yaml' | 'toml';
  /** What is between the fences. */
  value: string;
  /** Offset of the end of the closing fence (trailing blanks left out) and its 0-based line. */
  end: number;
  endLine: number;
  /** Offset and 0-based line of the first line after it. */
  bodyOffset: number;
  bodyLine: number;
}

/**
 * Front matter as remark-frontmatter read it: a `---` (YAML) or `+++` (TOML) line at the very
 * start, closed by the same line; nothing when it is not closed.
 */
export function frontMatterSpan(text: string): FrontMatterSpan | null {
  const open = /^(---|\+\+\+)[ \t]*\n/.exec(text);
  if (!open) return null;
  const from = open[0].length - 1;
  const close = new RegExp(`\\n${open[1] === '---' ? '---' : '\\+\\+\\+'}[ \\t]*(?:\\n|$)`).exec(text.slice(from));
  if (!close) return null;
  const closeLine = from + close.index + 1;
  const bodyOffset = from + close.index + close[0].length;
  let endLine = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < closeLine; i = text.indexOf('\n', i + 1)) endLine += 1;
  return {
    format: open[1] === '---' ? 'yaml' : 'toml',
    value: text.slice(open[0].length, Math.max(open[0].length, closeLine - 1)),
    end: closeLine + 3,
    endLine,
    bodyOffset,
    bodyLine: text[bodyOffset - 1] === '\n' ? endLine + 1 : endLine,
  };
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
      deep = TOO_DEEP.test(raw.slice(0, 4 * (MAX_NESTING + 1) + 64)) || prefixColumns(raw) > MAX_PREFIX_COLUMNS;
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
 * The stretches of `text` to leave out: between two places where a piece could start, one
 * longer than `MAX_STRETCH_CHARS` (code fences aside) or nesting deeper than `MAX_NESTING`.
 */
export function riskyStretches(text: string): RiskyStretch[] {
  const found: RiskyStretch[] = [];
  const state = new LineState();
  const frontMatter = frontMatterSpan(text);
  let pos = frontMatter ? frontMatter.bodyOffset : 0;
  let line = frontMatter ? frontMatter.bodyLine : 0;
  let candidate = { offset: 0, line: 0 };
  let cost = pos;
  let deep = false;

  const close = (endOffset: number, lastLine: () => number): void => {
    if (!deep && cost <= MAX_STRETCH_CHARS) return;
    found.push({ from: candidate.offset, to: endOffset, firstLine: candidate.line + 1, lastLine: lastLine(), reason: deep ? 'deep' : 'long' });
  };

  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const read = state.read(text.slice(pos, end));
    if (read.canStart) {
      const lastLine = line;
      close(pos, () => lastLine);
      candidate = { offset: pos, line };
      cost = 0;
      deep = false;
    }
    if (read.deep) deep = true;
    if (!read.fenced) cost += end - pos + 1;
    pos = end + 1;
    line += 1;
  }
  close(text.length, () => text.split('\n').length);
  return found;
}
