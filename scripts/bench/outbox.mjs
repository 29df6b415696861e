// What became of the notices a run raised, and what the database grew by, read from the engine's data directory.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

const dbFile = (dataDir) => path.join(dataDir, 'trayage.db');

function open(dataDir) {
  return new Database(dbFile(dataDir), { readonly: true, fileMustExist: true });
}

/** Notices by outcome: delivered, failed (still retrying or given up), suppressed (snoozed…), waiting. */
export function outboxOutcome(dataDir, since = 0) {
  const db = open(dataDir);
  try {
    const rows = db
      .prepare(
        `SELECT CASE WHEN suppressed IS NOT NULL THEN 'suppressed: ' || suppressed
                     WHEN sent_at IS NOT NULL THEN 'delivered'
                     WHEN last_error IS NOT NULL THEN 'failed'
                     ELSE 'waiting' END AS outcome,
                count(*) AS n, max(last_error) AS error
         FROM notifications WHERE created_at >= ? GROUP BY outcome ORDER BY outcome`,
      )
      .all(since);
    if (rows.length === 0) return 'none raised';
    return rows.map((r) => `${r.n} ${r.outcome}${r.outcome === 'failed' && r.error ? ` (${String(r.error).slice(0, 80)})` : ''}`).join(', ');
  } finally {
    db.close();
  }
}

/** When each notice was marked sent, by title, for runs where the stand-in was not called. */
export function sentTimes(dataDir) {
  const db = open(dataDir);
  try {
    return db.prepare('SELECT title, sent_at AS at FROM notifications WHERE sent_at IS NOT NULL').all();
  } finally {
    db.close();
  }
}

/** The files on disk: database and WAL. */
export function fileBytes(dataDir) {
  let total = 0;
  for (const suffix of ['', '-wal']) {
    try {
      total += fs.statSync(dbFile(dataDir) + suffix).size;
    } catch {
      /* no WAL right now */
    }
  }
  return total;
}

const MONITOR_TABLES = ['monitor_results', 'monitor_buckets'];

/** Rows per monitor table (buckets by size) and bytes per row of each, indexes included. */
export function historyRows(dataDir) {
  const db = open(dataDir);
  try {
    const results = db.prepare('SELECT count(*) FROM monitor_results').pluck().get();
    const buckets = Object.fromEntries(db.prepare('SELECT size, count(*) AS n FROM monitor_buckets GROUP BY size').all().map((r) => [r.size, r.n]));
    const owner = new Map(db.prepare("SELECT name, tbl_name FROM sqlite_schema WHERE type IN ('table', 'index')").all().map((r) => [r.name, r.tbl_name]));
    const bytes = {};
    for (const r of db.prepare('SELECT name, sum(pgsize) AS b FROM dbstat GROUP BY name').all()) {
      const table = owner.get(r.name);
      if (MONITOR_TABLES.includes(table)) bytes[table] = (bytes[table] ?? 0) + r.b;
    }
    const bucketRows = Object.values(buckets).reduce((a, b) => a + b, 0);
    return {
      results,
      buckets,
      bytesPerResult: results ? bytes.monitor_results / results : 0,
      bytesPerBucket: bucketRows ? bytes.monitor_buckets / bucketRows : 0,
    };
  } finally {
    db.close();
  }
}

/**
 * Bytes the database holds, as a reader sees it (what is still only in the WAL included, free pages
 * not): unlike the files' sizes this does not jump when the WAL is checkpointed.
 */
export function usedBytes(dataDir) {
  const db = open(dataDir);
  try {
    const pages = db.pragma('page_count', { simple: true }) - db.pragma('freelist_count', { simple: true });
    return pages * db.pragma('page_size', { simple: true });
  } finally {
    db.close();
  }
}
