// The statements of a SQL code block, one per `;` outside quotes, dollar quotes and comments
// (psql's `\d`-style commands end at the line's end), each titled by the `--` comment above it.
// In a psql or mysql transcript only the lines after a prompt (and their continuations) are SQL.
import { isSqlContinuation, promptLength, withoutContinuation } from './prompts';

export interface SqlStatement {
  text: string;
  /** 0-based line within the block. */
  line: number;
  comment: string | null;
  /** A comment or a blank line came right before. */
  groupStart: boolean;
}

export interface SqlReading {
  statements: SqlStatement[];
  /** 0-based lines left out as query output. */
  outputLines: number[];
}

/** Splits SQL text into statements; linear in its length. */
function statementsOf(sql: string, lineBase: number, out: SqlStatement[]): void {
  let start = -1;
  let line = 0;
  let startLine = 0;
  let comment: string | null = null;
  let blankOrComment = true;
  const push = (end: number): void => {
    const text = sql.slice(start, end).trim();
    if (text) out.push({ text, line: lineBase + startLine, comment, groupStart: blankOrComment || comment !== null || out.length === 0 });
    start = -1;
    comment = null;
    blankOrComment = false;
  };
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '\n') {
      line += 1;
      // A line with nothing on it between statements starts a new group.
      if (start < 0 && (sql[i + 1] === '\n' || /^[ \t]*\n/.test(sql.slice(i + 1, i + 200)))) blankOrComment = true;
      i += 1;
      continue;
    }
    if (start < 0 && /\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const text = sql.slice(i + 2, end < 0 ? sql.length : end).trim();
      if (start < 0 && text) {
        comment = text;
        blankOrComment = true;
      }
      i = end < 0 ? sql.length : end;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      const body = sql.slice(i, end < 0 ? sql.length : end + 2);
      line += body.split('\n').length - 1;
      i = end < 0 ? sql.length : end + 2;
      continue;
    }
    if (start < 0) {
      start = i;
      startLine = line;
      if (c === '\\') {
        const end = sql.indexOf('\n', i);
        push(end < 0 ? sql.length : end);
        i = end < 0 ? sql.length : end;
        continue;
      }
    }
    if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      line += sql.slice(i, j).split('\n').length - 1;
      i = j + 1;
      continue;
    }
    if (c === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(sql.slice(i, i + 64));
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        const stop = end < 0 ? sql.length : end + tag[0].length;
        line += sql.slice(i, stop).split('\n').length - 1;
        i = stop;
        continue;
      }
    }
    if (c === ';') {
      push(i + 1);
      i += 1;
      continue;
    }
    i += 1;
  }
  if (start >= 0) push(sql.length);
}

/** The statements of a SQL block; with prompts (`app=# `, `mysql> `), only what follows them. */
export function readSqlBlock(block: string): SqlReading {
  const lines = block.split('\n');
  const statements: SqlStatement[] = [];
  if (!lines.some((l) => promptLength(l, 'sql') > 0)) {
    statementsOf(block, 0, statements);
    return { statements, outputLines: [] };
  }
  const outputLines: number[] = [];
  let i = 0;
  while (i < lines.length) {
    const prompt = promptLength(lines[i], 'sql');
    if (prompt === 0) {
      if (lines[i].trim()) outputLines.push(i);
      i += 1;
      continue;
    }
    const start = i;
    const parts = [lines[i].slice(prompt)];
    i += 1;
    while (i < lines.length && isSqlContinuation(lines[i])) {
      parts.push(withoutContinuation(lines[i], 'sql'));
      i += 1;
    }
    statementsOf(parts.join('\n'), start, statements);
  }
  return { statements, outputLines };
}
