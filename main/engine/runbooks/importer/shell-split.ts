import { scanLine, type HeredocStart, type QuoteMode } from './shell-lexer';
import { cleanTitle } from './text-patterns';

export type ShellDialect = 'bash' | 'console';

/** Commands that belong together: those under one comment, or a run of lines with no blank between. */
export interface CommandGroup {
  /** The comment above the commands ("# 4. Restore from backup" → "Restore from backup"). */
  title: string | null;
  commands: string[];
  /** 0-based line of the first command within the block. */
  line: number;
}

export interface ShellSplit {
  groups: CommandGroup[];
  /** Quotes, here-documents or continuations left open, each with its 0-based line. */
  problems: { line: number; message: string }[];
}

interface Logical {
  text: string;
  next: number;
  problem: string | null;
}

const CONSOLE_PROMPT = /^\s*\$(?:[ \t]|$)/;

function readHeredocs(lines: string[], from: number, delimiters: readonly HeredocStart[]): { body: string; next: number; missing: string | null } {
  let body = '';
  let i = from;
  for (const heredoc of delimiters) {
    let closed = false;
    while (i < lines.length) {
      const line = lines[i];
      body += `\n${line}`;
      i += 1;
      if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line).trim() === heredoc.delimiter) {
        closed = true;
        break;
      }
    }
    if (!closed) return { body, next: i, missing: heredoc.delimiter };
  }
  return { body, next: i, missing: null };
}

/** Reads one command starting at `start`, following continuations, open quotes and here-documents. */
function readLogical(lines: string[], start: number, dialect: ShellDialect): Logical {
  const stack: QuoteMode[] = [];
  const parts: string[] = [];
  let join: 'first' | 'backslash' | 'newline' | 'operator' = 'first';
  let i = start;
  while (i < lines.length) {
    let line = lines[i];
    if (dialect === 'console' && join !== 'first') line = line.replace(/^>\s?/, '');
    const scan = scanLine(line, stack);
    i += 1;
    const own = scan.continued === 'backslash' ? line.slice(0, -1) : line;
    if (join === 'first') parts.push(own.trim());
    else if (join === 'newline') parts.push(`\n${own}`);
    else parts.push(` ${own.trim()}`);
    if (scan.continued === 'backslash') {
      join = 'backslash';
      continue;
    }
    if (stack.length > 0) {
      join = 'newline';
      continue;
    }
    if (scan.heredocs.length > 0) {
      const heredoc = readHeredocs(lines, i, scan.heredocs);
      const problem = heredoc.missing ? `here-document "${heredoc.missing}" is never closed` : null;
      return { text: parts.join('') + heredoc.body, next: heredoc.next, problem };
    }
    if (scan.continued === 'operator') {
      join = 'operator';
      continue;
    }
    return { text: parts.join('').trimEnd(), next: i, problem: null };
  }
  const text = parts.join('').trimEnd();
  if (stack.length > 0) return { text, next: i, problem: `a ${stack[stack.length - 1] === 'paren' ? 'parenthesis' : 'quote'} is never closed` };
  if (join !== 'first') return { text, next: i, problem: 'the last command ends with a line continuation' };
  return { text, next: i, problem: null };
}

/**
 * Splits a shell block into commands grouped under their comments. In `console` blocks only
 * lines starting with `$ ` are commands (the rest is output) and every command stands alone.
 */
export function splitShell(code: string, dialect: ShellDialect): ShellSplit {
  const lines = code.split('\n');
  const groups: CommandGroup[] = [];
  const problems: ShellSplit['problems'] = [];
  let pendingTitle: string | null = null;
  let current: CommandGroup | null = null;
  let i = 0;
  while (i < lines.length) {
    if (dialect === 'console') {
      const prompt = CONSOLE_PROMPT.exec(lines[i]);
      if (!prompt) {
        i += 1;
        continue;
      }
      lines[i] = lines[i].slice(prompt[0].length);
    }
    const trimmed = lines[i].trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (trimmed.startsWith('#') && !trimmed.startsWith('#!')) pendingTitle = cleanTitle(trimmed.replace(/^#+\s*/, '')) || pendingTitle;
      current = null;
      i += 1;
      continue;
    }
    const start = i;
    const logical = readLogical(lines, i, dialect);
    i = logical.next;
    if (logical.problem) problems.push({ line: start, message: logical.problem });
    if (logical.text.trim() === '') continue;
    if (!current) {
      current = { title: pendingTitle, commands: [], line: start };
      groups.push(current);
      pendingTitle = null;
    }
    current.commands.push(logical.text);
    if (dialect === 'console') current = null;
  }
  return { groups, problems };
}
