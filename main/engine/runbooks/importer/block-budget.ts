// Reading a runbook costs time per block (heading, paragraph, list item, table row, code block),
// not per byte: 512 KiB of one-character headings is 131,000 blocks and takes seconds, while a
// runbook written by people holds about 18 blocks per KiB (the five example runbooks: 117–235
// blocks each). A document with more blocks than any runbook has is refused before it is parsed,
// so an import either finishes within a couple of seconds or says at once why it will not.

/** Most blocks a runbook may hold: twice what 512 KiB written like the example runbooks holds. */
export const MAX_RUNBOOK_BLOCKS = 20_000;

const FENCE_OPEN = /^\s*(`{3,}|~{3,})/;
const BLANK = /^\s*$/;
const ATX_HEADING = /^\s*#{1,6}(?:\s|$)/;
/** A line that starts a block even straight after another line: list item, quote, rule. */
const STARTS_BLOCK = /^\s*(?:[-+*](?:\s|$)|\d{1,9}[.)](?:\s|$)|>|[-*_=]{3,}\s*$)/;

/**
 * Blocks of a Markdown document, counted from its lines: a non-blank line after a blank one, or
 * one that starts a block of its own, outside fenced code; a fenced block counts once. An upper
 * bound for what the parser makes, close enough to tell a runbook from a flood of blocks.
 */
export function countBlocks(text: string): number {
  let count = 0;
  let afterBlank = true;
  let fence: { marker: string; length: number } | null = null;
  let at = 0;
  while (at <= text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close && close[1][0] === fence.marker && close[1].length >= fence.length && BLANK.test(line.slice(close[0].length))) {
        fence = null;
        afterBlank = true;
      }
      continue;
    }
    if (BLANK.test(line)) {
      afterBlank = true;
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    if (open) fence = { marker: open[1][0], length: open[1].length };
    const heading = ATX_HEADING.test(line);
    // A line with a pipe may be a table row, each of which costs as much as a block.
    if (open || afterBlank || heading || STARTS_BLOCK.test(line) || line.includes('|')) count += 1;
    // A heading is one line: what follows it starts a block of its own.
    afterBlank = heading;
  }
  return count;
}
