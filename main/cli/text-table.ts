// Rows as aligned columns; the last column is free text and is not padded.
export function textTable(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c < row.length - 1 ? cell.padEnd(widths[c]) : cell)).join('  ')).join('\n');
}
