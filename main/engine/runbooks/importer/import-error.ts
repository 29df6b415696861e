/**
 * Largest runbook accepted: 512 KiB, forty times the longest runbook we have seen. Parsing
 * stays linear up to it (about a second on a busy 2-core machine); anything bigger is refused
 * up front rather than left to block the engine.
 */
export const MAX_RUNBOOK_BYTES = 512 * 1024;

export type ImportErrorCode = 'not-found' | 'unreadable' | 'not-a-file' | 'too-large' | 'binary' | 'not-utf8' | 'too-slow' | 'too-complex' | 'too-many-blocks' | 'unavailable';

/** A runbook that cannot be imported at all. The message names the file and says what to do. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly file: string | null = null,
  ) {
    super(message);
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

export function tooLarge(bytes: number, file: string | null): ImportError {
  const what = file ? `${file} is` : 'The runbook is';
  return new ImportError(
    'too-large',
    `${what} ${formatBytes(bytes)}; runbooks up to ${formatBytes(MAX_RUNBOOK_BYTES)} can be imported. Split it into smaller runbooks.`,
    file,
  );
}

/** Headings, list items and lines: what makes a document slow to read, for the refusal message. */
function shape(text: string): string {
  let lines = 0;
  let headings = 0;
  let items = 0;
  for (const line of text.split('\n')) {
    lines += 1;
    if (/^ {0,3}#{1,6}(?:\s|$)/.test(line)) headings += 1;
    else if (/^\s*(?:[-+*]|\d{1,9}[.)])\s/.test(line)) items += 1;
  }
  return `${formatBytes(Buffer.byteLength(text, 'utf8'))}, ${lines.toLocaleString('en-US')} lines, ${headings.toLocaleString('en-US')} headings, ${items.toLocaleString('en-US')} list items`;
}

export function tooSlow(text: string, file: string | null, deadlineMs: number): ImportError {
  const what = file ?? 'The runbook';
  return new ImportError(
    'too-slow',
    `${what} could not be read within ${deadlineMs / 1000} s (${shape(text)}), so reading it was stopped. Split it into smaller runbooks, or remove long runs of headings, list items or tables.`,
    file,
  );
}

export function tooComplex(text: string, file: string | null, limitMb: number): ImportError {
  const what = file ?? 'The runbook';
  return new ImportError(
    'too-complex',
    `${what} needs more than ${limitMb} MB of memory to read (${shape(text)}), so reading it was stopped. Split it into smaller runbooks.`,
    file,
  );
}

export function tooManyBlocks(blocks: number, limit: number, file: string | null): ImportError {
  const what = file ? `${file} has` : 'The runbook has';
  return new ImportError(
    'too-many-blocks',
    `${what} ${blocks.toLocaleString('en-US')} headings, paragraphs, list items, table rows and code blocks; a runbook can have up to ${limit.toLocaleString('en-US')} (runbooks written by people have about 18 per KiB). Split it into smaller runbooks, one per service or kind of incident.`,
    file,
  );
}
