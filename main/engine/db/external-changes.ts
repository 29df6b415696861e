import type Database from 'better-sqlite3';

// PRAGMA data_version changes only when another connection commits, so the CLI's writes show up in open windows.
export function watchExternalChanges(db: Database.Database, everyMs: number, onChange: () => void): () => void {
  let last = db.pragma('data_version', { simple: true });
  const timer = setInterval(() => {
    if (!db.open) return;
    const current = db.pragma('data_version', { simple: true });
    if (current !== last) {
      last = current;
      onChange();
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
