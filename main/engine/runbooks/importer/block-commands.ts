// The commands a shell code block holds, one per top-level command as the shell parser splits
// them (continuations and here-documents kept whole), with the comments that title them. In a
// transcript, lines after a prompt are commands and the rest is their output; in a block without
// prompts, pasted output (tables, `key = value`, prose) is told apart and left out.
import { maskPlaceholders } from '../../lib/shell/placeholders';
import { parseShell } from '../../lib/shell/shell-parser';
import { splitCommands } from '../../lib/shell/split-commands';
import { memoized } from './memo';
import { isTableHeader, startsWithKnownProgram, statementVerdict, type Verdict } from './command-recognition';
import { promptLength, rootPromptLength, withoutContinuation, type Dialect } from './prompts';

export interface BlockCommand {
  /** As written, prompts removed. */
  text: string;
  /** The same with `<placeholders>` masked, for the parser. */
  masked: string;
  /** 0-based line within the block. */
  line: number;
  /** The comment on the lines above it, if one was there. */
  comment: string | null;
  /** A comment or a blank line came right before: the commands from here on are a new group. */
  groupStart: boolean;
  verdict: Verdict;
}

export interface BlockReading {
  commands: BlockCommand[];
  /** 0-based lines left out as output or prose. */
  outputLines: number[];
  /** Commands the parser could not read, with its message. */
  problems: { line: number; message: string }[];
  /** Whether the block is a transcript with prompts. */
  prompted: boolean;
}

/** A command begun at a prompt runs on while it is unfinished; a here-document body is this long at most. */
const MAX_CONTINUATION_LINES = 200;
const UNFINISHED = /reached EOF|unclosed here-document|must be followed by/;

/** The parser's message for text that does not parse, or null. */
const parseError = memoized((text: string): string | null => {
  const parsed = parseShell(text);
  return parsed.ok ? null : parsed.error;
});

/** The parts are only read, never changed, so a repeated block shares them. */
const commandsIn = memoized(splitCommands);

function unfinished(masked: string): boolean {
  if (/\\$/.test(masked)) return true;
  const error = parseError(masked);
  return error !== null && UNFINISHED.test(error);
}

function commentText(line: string): string | null {
  const m = /^\s*#(?!!)\s*(.*?)\s*$/.exec(line);
  return m && m[1] ? m[1] : null;
}

interface Span {
  start: number;
  end: number;
}

function located(work: string, parts: readonly string[], from: number): Span[] {
  const spans: Span[] = [];
  let cursor = 0;
  for (const part of parts) {
    const at = work.indexOf(part, cursor);
    if (at < 0) continue;
    spans.push({ start: from + at, end: from + at + part.length });
    cursor = at + part.length;
  }
  return spans;
}

/** splitCommands hands back a block that does not parse whole: then it is the only part, and the parser says why. */
function parseProblem(work: string, parts: readonly string[]): string | null {
  if (parts.length !== 1 || parts[0] !== work.trim() || !parts[0].includes('\n')) return null;
  return parseError(work);
}

/**
 * The top-level commands of `work`, as offsets. A block that does not parse is read in pieces
 * between blank lines, and a piece that does not parse either line by line, with a problem
 * reported for it.
 */
function statementSpans(work: string, problems: { offset: number; message: string }[]): Span[] {
  const parts = commandsIn(work);
  if (parseProblem(work, parts) === null) return located(work, parts, 0);
  const spans: Span[] = [];
  let offset = 0;
  for (const piece of work.split(/(\n[ \t]*\n)/)) {
    const pieceParts = piece.trim() ? commandsIn(piece) : [];
    const problem = parseProblem(piece, pieceParts);
    if (problem === null) spans.push(...located(piece, pieceParts, offset));
    else {
      problems.push({ offset: offset + piece.indexOf(piece.trim()), message: problem });
      let lineStart = offset;
      for (const line of piece.split('\n')) {
        const text = line.trim();
        if (text && commentText(line) === null) spans.push({ start: lineStart + line.indexOf(text), end: lineStart + line.indexOf(text) + text.length });
        lineStart += line.length + 1;
      }
    }
    offset += piece.length;
  }
  return spans;
}

/** Line (from 0) of an offset in `text`. Offsets are mostly asked for in rising order, so each call counts on from the last. */
function lineCounter(text: string): (offset: number) => number {
  let at = 0;
  let line = 0;
  return (offset) => {
    if (offset < at) {
      at = 0;
      line = 0;
    }
    for (let i = text.indexOf('\n', at); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
      line += 1;
      at = i + 1;
    }
    return line;
  };
}

/**
 * Commands from text whose lines are all meant as commands (`work` is `text` with placeholders
 * masked and output lines blanked, so offsets agree). Comments between commands title them.
 */
function commandsOf(text: string, work: string, lineBase: number, reading: BlockReading, firstComment: string | null): void {
  const problems: { offset: number; message: string }[] = [];
  let previousEnd = 0;
  let pendingComment = firstComment;
  let first = true;
  const lineOfOffset = lineCounter(work);
  for (const span of statementSpans(work, problems)) {
    // The lines between two commands; the first is the rest of the previous command's own line
    // (its trailing comment), the last the indentation of this one.
    const lines = work.slice(previousEnd, span.start).split('\n');
    const between = previousEnd > 0 ? lines.slice(1) : lines;
    const comments = between.map(commentText).filter((c): c is string => c !== null);
    const broken = comments.length > 0 || between.slice(0, -1).some((l) => l.trim() === '');
    // "# or" on a line of its own before the comment that titles the next commands: they are the other way.
    const orAlone = comments.slice(0, -1).some((c) => /^(?:or|alternatively|otherwise)\W*$/i.test(c));
    const last = comments.length > 0 ? comments[comments.length - 1] : pendingComment;
    const comment = orAlone && last ? `Or ${last}` : last;
    const masked = work.slice(span.start, span.end);
    const line = lineBase + lineOfOffset(span.start);
    const own = text.slice(span.start, span.end);
    const trailing = /^[ \t]*#[ \t]*(.+)$/m.exec(work.slice(span.end, work.indexOf('\n', span.end) < 0 ? undefined : work.indexOf('\n', span.end)));
    reading.commands.push({
      text: own,
      masked,
      line,
      comment: comment ?? trailing?.[1].trim() ?? null,
      groupStart: first || broken || comment !== null,
      verdict: statementVerdict(masked),
    });
    pendingComment = null;
    first = false;
    previousEnd = span.end;
  }
  const problemLine = lineCounter(work);
  for (const problem of problems) reading.problems.push({ line: lineBase + problemLine(problem.offset), message: problem.message });
}

/** Table output: from a header line (`NAME   READY   STATUS`) to the next blank line, comment or known command. */
function tableLines(lines: readonly string[]): Set<number> {
  const output = new Set<number>();
  for (let i = 0; i < lines.length; i += 1) {
    if (!isTableHeader(lines[i])) continue;
    output.add(i);
    while (i + 1 < lines.length && lines[i + 1].trim() !== '' && commentText(lines[i + 1]) === null && !startsWithKnownProgram(lines[i + 1])) {
      i += 1;
      output.add(i);
    }
  }
  return output;
}

function readPlain(block: string): BlockReading {
  const reading: BlockReading = { commands: [], outputLines: [], problems: [], prompted: false };
  const lines = block.split('\n');
  const tables = tableLines(lines);
  const work = lines.map((line, i) => (tables.has(i) ? ' '.repeat(line.length) : maskPlaceholders(line))).join('\n');
  commandsOf(block, work, 0, reading, null);
  reading.outputLines.push(...tables);
  dropOutput(reading, lines);
  return reading;
}

/** Statements that are not commands are output: their lines go to `outputLines`. */
function dropOutput(reading: BlockReading, lines: readonly string[]): void {
  const kept: BlockCommand[] = [];
  for (const command of reading.commands) {
    if (command.verdict !== 'output') {
      kept.push(command);
      continue;
    }
    const count = command.text.split('\n').length;
    for (let i = 0; i < count && command.line + i < lines.length; i += 1) reading.outputLines.push(command.line + i);
    // A group's title stays with the commands it was written for.
    const next = reading.commands[reading.commands.indexOf(command) + 1];
    if (next && !next.groupStart && command.groupStart) {
      next.groupStart = true;
      next.comment ??= command.comment;
    }
  }
  reading.commands = kept;
  reading.outputLines.sort((a, b) => a - b);
}

function promptAt(line: string, dialect: Dialect): number {
  const length = promptLength(line, dialect);
  if (length > 0) return length;
  const root = rootPromptLength(line, dialect);
  // `# df -h` in a transcript is root's prompt; `# Check the disk` is a comment.
  return root > 0 && statementVerdict(maskPlaceholders(line.slice(root))) === 'known' ? root : 0;
}

function readPrompted(block: string, dialect: Dialect): BlockReading {
  const reading: BlockReading = { commands: [], outputLines: [], problems: [], prompted: true };
  const lines = block.split('\n');
  let pendingComment: string | null = null;
  let i = 0;
  while (i < lines.length) {
    const prompt = promptAt(lines[i], dialect);
    if (prompt === 0) {
      // A comment right above a prompt is the author's title for it; elsewhere it is output.
      const comment = commentText(lines[i]);
      if (comment !== null && i + 1 < lines.length && promptAt(lines[i + 1], dialect) > 0) pendingComment = comment;
      else if (lines[i].trim() !== '') reading.outputLines.push(i);
      i += 1;
      continue;
    }
    const start = i;
    const collected = [lines[i].slice(prompt)];
    i += 1;
    while (i < lines.length && collected.length < MAX_CONTINUATION_LINES && unfinished(maskPlaceholders(collected.join('\n')))) {
      collected.push(withoutContinuation(lines[i], dialect));
      i += 1;
    }
    const text = collected.join('\n');
    if (text.trim() === '') continue;
    const comment = commentText(text);
    if (comment !== null && !text.includes('\n')) {
      pendingComment = comment;
      continue;
    }
    const before = reading.commands.length;
    commandsOf(text, text.split('\n').map(maskPlaceholders).join('\n'), start, reading, pendingComment);
    // Each prompt is its own group: output stands between them.
    if (reading.commands[before]) reading.commands[before].groupStart = true;
    pendingComment = null;
  }
  // What follows a prompt is a command, whatever its program: the prompt says so.
  return reading;
}

/** Whether any line of the block starts with a prompt. */
function hasPrompts(block: string, dialect: Dialect): boolean {
  return block.split('\n').some((line) => promptAt(line, dialect) > 0);
}

/**
 * The commands of a shell block. `session` (console, shell-session) also reads `# ` as root's
 * prompt; a transcript without prompts is read as commands, like any shell block.
 */
export function readShellBlock(block: string, dialect: Exclude<Dialect, 'sql'>): BlockReading {
  return hasPrompts(block, dialect) ? readPrompted(block, dialect) : readPlain(block);
}
