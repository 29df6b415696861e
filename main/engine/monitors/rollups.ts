import type Database from 'better-sqlite3';
import type { Retention } from '../../../preload/contract';
import { DAY, HOUR, MINUTE, addTally, emptyTally, estimateP95, floorTo, p95, type Tally } from './domain/buckets';

// A result is stamped with the time it finished and written within a flush tick; a minute is rolled
// up once this much time has passed after its end.
const SETTLE_MS = 2_000;
// Catching up after the app was closed is spread over ticks so no tick blocks for long.
const MAX_BUCKETS_PER_TICK = 120;
const PRUNE_BATCH = 5_000;

type BucketRow = [monitorId: number, count: number, failures: number, min: number | null, sum: number, max: number | null, p95: number | null];

/**
 * Incremental rollups: each tick turns only the buckets that closed since the last one into
 * minute, hour and day rows (minute from raw results, hour from minutes, day from hours), and
 * prunes every level in bounded batches. Nothing ever groups over the whole history.
 */
export class Rollups {
  private readonly getDone;
  private readonly setDoneStmt;
  private readonly firstRaw;
  private readonly firstBucket;
  private readonly minuteRows;
  private readonly bucketRows;
  private readonly insertBucket;

  constructor(private readonly db: Database.Database) {
    this.getDone = db.prepare('SELECT done_until AS t FROM monitor_rollups WHERE size = ?').pluck();
    this.setDoneStmt = db.prepare('INSERT INTO monitor_rollups(size, done_until) VALUES (?, ?) ON CONFLICT(size) DO UPDATE SET done_until = excluded.done_until');
    this.firstRaw = db.prepare('SELECT at FROM monitor_results WHERE at >= ? ORDER BY at LIMIT 1').pluck();
    this.firstBucket = db.prepare('SELECT start FROM monitor_buckets WHERE size = ? AND start >= ? ORDER BY start LIMIT 1').pluck();
    this.minuteRows = db.prepare('SELECT monitor_id, ok, latency_ms FROM monitor_results WHERE at >= ? AND at < ? ORDER BY monitor_id, latency_ms').raw();
    this.bucketRows = db
      .prepare('SELECT monitor_id, count, failures, latency_min, latency_sum, latency_max, latency_p95 FROM monitor_buckets WHERE size = ? AND start >= ? AND start < ? ORDER BY monitor_id')
      .raw();
    this.insertBucket = db.prepare(
      'INSERT OR REPLACE INTO monitor_buckets(size, start, monitor_id, count, failures, latency_min, latency_sum, latency_max, latency_p95) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Up to when buckets of `size` are final; started at the current bucket the first time. */
  done(size: number, now: number): number {
    const stored = this.getDone.get(size) as number | undefined;
    if (stored !== undefined) return stored;
    const first = this.firstRaw.get(0) as number | undefined;
    const start = floorTo(Math.min(first ?? now, now), size);
    this.setDoneStmt.run(size, start);
    return start;
  }

  /** Rolls up every closed bucket not yet done, oldest first, within the per-tick budget. */
  catchUp(now: number): number {
    let budget = MAX_BUCKETS_PER_TICK;
    const minuteLimit = floorTo(now - SETTLE_MS, MINUTE);
    budget -= this.advance(MINUTE, minuteLimit, budget, (from) => this.firstRaw.get(from) as number | undefined, (start) => this.rollMinute(start), now);
    const hourLimit = floorTo(this.done(MINUTE, now), HOUR);
    budget -= this.advance(HOUR, hourLimit, budget, (from) => this.firstBucket.get(MINUTE, from) as number | undefined, (start) => this.rollUp(MINUTE, HOUR, start), now);
    const dayLimit = floorTo(this.done(HOUR, now), DAY);
    budget -= this.advance(DAY, dayLimit, budget, (from) => this.firstBucket.get(HOUR, from) as number | undefined, (start) => this.rollUp(HOUR, DAY, start), now);
    return MAX_BUCKETS_PER_TICK - budget;
  }

  /** Deletes what is older than the retention, a batch per level, never anything not yet rolled up. */
  prune(now: number, retention: Retention): number {
    let deleted = 0;
    const rawCutoff = Math.min(now - retention.rawHours * HOUR, this.done(MINUTE, now));
    deleted += this.pruneRange('monitor_results', 'at', '', rawCutoff);
    const levels: [size: number, keepMs: number, rolledUntil: number][] = [
      [MINUTE, retention.minuteHours * HOUR, this.done(HOUR, now)],
      [HOUR, retention.hourDays * DAY, this.done(DAY, now)],
      [DAY, retention.dayDays * DAY, Infinity],
    ];
    for (const [size, keepMs, rolledUntil] of levels) {
      deleted += this.pruneRange('monitor_buckets', 'start', `size = ${size} AND `, Math.min(now - keepMs, rolledUntil));
    }
    return deleted;
  }

  private advance(size: number, limit: number, budget: number, firstFrom: (from: number) => number | undefined, roll: (start: number) => void, now: number): number {
    let done = this.done(size, now);
    let used = 0;
    while (done < limit && used < budget) {
      const first = firstFrom(done);
      // Empty spans (the app was closed) are skipped in one step.
      const start = first === undefined || first >= limit ? limit : floorTo(first, size);
      this.db.transaction(() => {
        if (start < limit) roll(start);
        done = start < limit ? start + size : limit;
        this.setDoneStmt.run(size, done);
      })();
      used++;
    }
    return used;
  }

  private rollMinute(start: number): void {
    const rows = this.minuteRows.all(start, start + MINUTE) as [number, number, number][];
    let i = 0;
    while (i < rows.length) {
      const id = rows[i][0];
      const latencies: number[] = [];
      let count = 0;
      let failures = 0;
      for (; i < rows.length && rows[i][0] === id; i++) {
        count++;
        if (rows[i][1]) latencies.push(rows[i][2]);
        else failures++;
      }
      const sum = latencies.reduce((s, v) => s + v, 0);
      this.insertBucket.run(MINUTE, start, id, count, failures, latencies[0] ?? null, sum, latencies[latencies.length - 1] ?? null, p95(latencies));
    }
  }

  private rollUp(from: number, size: number, start: number): void {
    const rows = this.bucketRows.all(from, start, start + size) as BucketRow[];
    let i = 0;
    while (i < rows.length) {
      const id = rows[i][0];
      const parts: Tally[] = [];
      const total = emptyTally();
      for (; i < rows.length && rows[i][0] === id; i++) {
        const [, count, failures, latencyMin, latencySum, latencyMax, latencyP95] = rows[i];
        const part = { count, failures, latencyMin, latencySum, latencyMax, latencyP95 };
        parts.push(part);
        addTally(total, part);
      }
      this.insertBucket.run(size, start, id, total.count, total.failures, total.latencyMin, total.latencySum, total.latencyMax, estimateP95(parts));
    }
  }

  private pruneRange(table: string, column: string, where: string, cutoff: number): number {
    const boundary = this.db.prepare(`SELECT ${column} FROM ${table} WHERE ${where}${column} < ? ORDER BY ${column} LIMIT 1 OFFSET ?`).pluck().get(cutoff, PRUNE_BATCH) as
      | number
      | undefined;
    const below = boundary ?? cutoff;
    let { changes } = this.db.prepare(`DELETE FROM ${table} WHERE ${where}${column} < ?`).run(below);
    // Many rows sharing the boundary time (one per monitor) must not stall the batches.
    if (changes === 0 && boundary !== undefined) changes = this.db.prepare(`DELETE FROM ${table} WHERE ${where}${column} <= ?`).run(boundary).changes;
    return changes;
  }
}
