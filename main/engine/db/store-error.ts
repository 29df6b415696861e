import fs from 'node:fs';
import path from 'node:path';

// A problem with the database file that a person has to act on; the message says what to do.
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

// SQLite reports a damaged, full or unwritable database with a code (extended codes such as
// SQLITE_IOERR_SHMSIZE start with the primary one). This is the one place that turns those codes
// into what happened to which file and what to do about it.
export function storeFailure(err: unknown, file: string): StoreError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  const dir = path.dirname(file);
  if (code.startsWith('SQLITE_FULL') || (code.startsWith('SQLITE_IOERR') && diskFull(dir))) {
    return new StoreError(`The disk holding ${file} is full, so Trayage cannot write to its database. Free some space on it and try again.`);
  }
  if (code.startsWith('SQLITE_READONLY') || (code.startsWith('SQLITE_CANTOPEN') && !writable(dir))) {
    return new StoreError(
      `Cannot write to the database ${file}: the file or its folder ${dir} is read-only. Make both writable for this user, or choose another --data-dir.`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new StoreError(
      `The database ${file} is damaged (${code === 'SQLITE_NOTADB' ? 'not a database any more' : 'malformed'}), so Trayage will not change it. Restore it from a backup, or move it away to start with an empty one.`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError(`Cannot open the database ${file}. Check that it and its folder exist and belong to this user, or choose another --data-dir.`);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreError(`The database ${file} stayed locked by another process for too long. Try again; if it persists, stop other Trayage processes using ${dir}.`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError(`Reading or writing the database ${file} failed (${code}). Check the disk it is on, then try again.`);
  }
  return null;
}

// SQLite says "disk I/O error" when even its shared-memory file cannot grow; the free space tells.
function diskFull(dir: string): boolean {
  try {
    const stats = fs.statfsSync(dir);
    return stats.bavail * stats.bsize < 64 * 1024;
  } catch {
    return false;
  }
}

// access() also answers EROFS for a folder on a read-only mount, for root too.
function writable(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
