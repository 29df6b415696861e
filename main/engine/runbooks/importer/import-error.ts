/**
 * Largest runbook accepted: 512 KiB, forty times the longest runbook we have seen. Parsing
 * stays linear up to it (about a second on a busy 2-core machine); anything bigger is refused
 * up front rather than left to block the engine.
 */
export const MAX_RUNBOOK_BYTES = 512 * 1024;

export type ImportErrorCode = 'not-found' | 'unreadable' | 'not-a-file' | 'too-large' | 'binary' | 'not-utf8';

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
