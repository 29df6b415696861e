// Fills a Trayage database with what 30 days of 1,000 monitors checked every 20 s leave behind under the
// default retention: raw results for the last 24 h, minute buckets for 48 h, hour buckets for 30 days
// (35 kept) and day buckets. Rows are written in time order, as the engine writes them.
import Database from 'better-sqlite3';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const floorTo = (t, size) => t - (t % size);

export function fillHistory(file, { monitorIds, now, intervalMs = 20_000, days = 30 }) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff) / 0x7fffffff);
  const latency = () => 3 + Math.floor(random() * 12);
  const failed = () => random() < 0.002;
  const bucket = db.prepare(
    'INSERT INTO monitor_buckets(size, start, monitor_id, count, failures, latency_min, latency_sum, latency_max, latency_p95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const raw = db.prepare('INSERT OR IGNORE INTO monitor_results(at, monitor_id, ok, latency_ms, status, error) VALUES (?, ?, ?, ?, ?, ?)');
  const perBucket = (size) => size / intervalMs;
  const writeBuckets = (size, from, to) => {
    const n = perBucket(size);
    for (let start = from; start < to; start += size) {
      db.transaction(() => {
        for (const id of monitorIds) {
          const failures = random() < 0.01 ? 1 : 0;
          const ok = n - failures;
          bucket.run(size, start, id, n, failures, 3, ok * 9, 14 + Math.floor(random() * 30), 13);
        }
      })();
    }
  };
  const dayDone = floorTo(now, DAY);
  const hourDone = floorTo(now, HOUR);
  const minuteDone = floorTo(now, MINUTE);
  writeBuckets(DAY, dayDone - days * DAY, dayDone);
  writeBuckets(HOUR, hourDone - days * DAY, hourDone);
  writeBuckets(MINUTE, minuteDone - 2 * DAY, minuteDone);
  const rawFrom = now - DAY;
  const batch = 20_000;
  let pending = [];
  const flush = db.transaction((rows) => {
    for (const r of rows) raw.run(r[0], r[1], r[2], r[3], r[4], r[5]);
  });
  for (let t = rawFrom; t < now; t += intervalMs) {
    monitorIds.forEach((id, k) => {
      const ok = !failed();
      pending.push([t + k * (intervalMs / monitorIds.length) | 0, id, ok ? 1 : 0, latency(), ok ? 200 : 503, ok ? null : 'HTTP 503 Service Unavailable (expected 200-299)']);
    });
    if (pending.length >= batch) {
      flush(pending);
      pending = [];
    }
  }
  flush(pending);
  const done = db.prepare('INSERT INTO monitor_rollups(size, done_until) VALUES (?, ?) ON CONFLICT(size) DO UPDATE SET done_until = excluded.done_until');
  done.run(MINUTE, minuteDone);
  done.run(HOUR, hourDone);
  done.run(DAY, dayDone);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
