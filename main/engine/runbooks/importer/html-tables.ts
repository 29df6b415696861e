// Tables written in HTML (`<table><tr><th>Level</th>…`), which Markdown leaves as raw HTML,
// read into the same mdast table the GFM ones become, so every reader of tables sees them.
import type { Table, TableCell, TableRow } from 'mdast';

/** A table longer than this is no runbook table; it is left as HTML. */
const MAX_TABLE_CHARS = 64_000;

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rarr: '→' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function cellText(html: string): string {
  return decode(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

function lineAt(text: string, from: number, to: number, line: number): number {
  let n = line;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

export interface HtmlTable {
  table: Table;
  /** Offset just after `</table>`. */
  end: number;
}

/**
 * Reads the HTML table that starts at `start` in `text` (on 1-based line `line`): one row per
 * `<tr>`, one cell per `<th>`/`<td>`, tags removed and entities decoded. Null when the table is
 * not closed nearby or has no cells.
 */
export function readHtmlTable(text: string, start: number, line: number): HtmlTable | null {
  const window = text.slice(start, start + MAX_TABLE_CHARS);
  const close = /<\/table\s*>/i.exec(window);
  if (!close) return null;
  const html = window.slice(0, close.index);
  const rows: TableRow[] = [];
  let rowLine = line;
  let last = 0;
  for (const row of html.matchAll(/<tr[\s>][\s\S]*?(?=<tr[\s>]|<\/tbody|<\/thead|<\/tfoot|$)/gi)) {
    const at = row.index ?? 0;
    rowLine = lineAt(html, last, at, rowLine);
    last = at;
    const cells: TableCell[] = [...row[0].matchAll(/<t([hd])(?:\s[^>]*)?>([\s\S]*?)(?=<t[hd][\s>]|<\/tr|$)/gi)].map((cell) => ({
      type: 'tableCell',
      children: [{ type: 'text', value: cellText(cell[2].replace(/<\/t[hd]\s*>\s*$/i, '')) }],
    }));
    if (cells.length === 0) continue;
    const position = { start: { line: rowLine, column: 1 }, end: { line: rowLine, column: 1 } };
    rows.push({ type: 'tableRow', children: cells, position });
  }
  if (rows.length === 0) return null;
  const position = { start: { line, column: 1, offset: start }, end: { line: rowLine, column: 1, offset: start + close.index + close[0].length } };
  return { table: { type: 'table', align: [], children: rows, position }, end: start + close.index + close[0].length };
}
