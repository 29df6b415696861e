import fs from 'node:fs';

// The database holds command output and incident notes: only its owner may read it. SQLite gives its
// -wal and -shm files the database file's own mode, so creating that file 0600 covers all three.
export function preparePrivateDataDir(dataDir: string, dbFile: string): void {
  const created = !fs.existsSync(dataDir);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // A directory someone pointed at (e.g. /tmp) is tightened only when it is Trayage's own.
  if (created || fs.existsSync(dbFile)) restrict(dataDir, 0o700);
  if (!fs.existsSync(dbFile)) fs.closeSync(fs.openSync(dbFile, 'a', 0o600));
  for (const file of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) restrict(file, 0o600);
}

// Takes permissions away from others, never gives the owner any: a directory its owner made
// read-only stays read-only, and opening the database then says so.
function restrict(file: string, mode: number): void {
  try {
    const stat = fs.statSync(file);
    const tightened = stat.mode & mode & 0o777;
    if (process.platform === 'win32' || (stat.mode & 0o777) === tightened) return;
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid()) return;
    fs.chmodSync(file, tightened);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
