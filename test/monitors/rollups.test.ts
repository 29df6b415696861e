import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/engine/db/open-database';
import { DAY, HOUR, MINUTE } from '../../main/engine/monitors/domain/buckets';
import { HistoryQueries } from '../../main/engine/monitors/history-queries';
import { MonitorStore } from '../../main/engine/monitors/monitor-store';
import { ResultWriter } from '../../main/engine/monitors/result-writer';
import { Rollups } from '../../main/engine/monitors/rollups';
import { removeDir, tempDir } from '../helpers/temp-dir';

interface Generated {
  at: number;
  id: number;
  ok: boolean;
  latency: number;
}

// Two monitors: A every 20 s with a failure every 17th check and varied latency; B every 30 s,
// failing for the whole second hour.
function resultsBetween(from: number, to: number, a: number, b: number): Generated[] {
  const out: Generated[] = [];
  for (let t = from; t < to; t += 10_000) {
    const k = (t - Date.UTC(2026, 0, 1)) / 10_000;
    if (k % 2 === 0) out.push({ at: t + 3, id: a, ok: k % 34 !== 0, latency: 20 + ((k * 7) % 50) });
    if (k % 3 === 0) out.push({ at: t + 5, id: b, ok: Math.floor((t - START) / HOUR) !== 1, latency: 100 });
  }
  return out;
}

const START = Date.UTC(2026, 0, 10, 22, 0, 0);

describe('history: incremental rollups, uptime windows and retention', () => {
  let dir: string;
  let db: Database.Database;
  let store: MonitorStore;
  let writer: ResultWriter;
  let rollups: Rollups;
  let queries: HistoryQueries;
  let a: number;
  let b: number;
  const written: Generated[] = [];

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(path.join(dir, 'trayage.db'), 'test').db;
    store = new MonitorStore(db);
    const { ids } = store.claimFileMonitors(['api', 'db'], START);
    a = ids.get('api')!.id;
    b = ids.get('db')!.id;
    writer = new ResultWriter(db, store);
    rollups = new Rollups(db);
    queries = new HistoryQueries(db, rollups);
    written.length = 0;
  });
  afterEach(() => {
    db.close();
    removeDir(dir);
  });

  /** Feeds results minute by minute, like the engine's flush and maintenance ticks; returns work per tick. */
  function run(from: number, to: number): number[] {
    const work: number[] = [];
    for (let minute = from; minute < to; minute += MINUTE) {
      for (const r of resultsBetween(minute, minute + MINUTE, a, b)) {
        writer.add(r.id, { at: r.at, ok: r.ok, latencyMs: r.latency, status: r.ok ? 200 : 503, error: r.ok ? null : 'HTTP 503' }, {}, null);
        written.push(r);
      }
      writer.flush();
      work.push(rollups.catchUp(minute + MINUTE + 3_000));
    }
    return work;
  }

  const exact = (id: number, from: number, to: number) => {
    const rows = written.filter((r) => r.id === id && r.at >= from && r.at < to);
    return { count: rows.length, failures: rows.filter((r) => !r.ok).length };
  };
  const bucketCount = (size: number) => (db.prepare('SELECT COUNT(*) FROM monitor_buckets WHERE size = ?').pluck().get(size) as number);

  it('rolls up only the bucket that just closed, and minute, hour and day buckets agree with the raw results', () => {
    const work = run(START, START + 3 * HOUR);
    // Steady state: one minute per tick; a closing hour (and the closing UTC day at midnight) adds one more.
    expect(work.filter((w) => w === 1).length).toBe(work.length - 3);
    expect(work.filter((w) => w === 2).length + work.filter((w) => w === 3).length).toBe(3);
    expect(rollups.catchUp(START + 3 * HOUR + 3_000)).toBe(0);

    const minute = db.prepare('SELECT count, failures FROM monitor_buckets WHERE size = ? AND start = ? AND monitor_id = ?').get(MINUTE, START + 5 * MINUTE, a);
    expect(minute).toEqual({ count: 3, failures: exact(a, START + 5 * MINUTE, START + 6 * MINUTE).failures });
    const hour = db.prepare('SELECT * FROM monitor_buckets WHERE size = ? AND start = ? AND monitor_id = ?').get(HOUR, START, a) as Record<string, number>;
    const inHour = written.filter((r) => r.id === a && r.at >= START && r.at < START + HOUR);
    const okLatencies = inHour.filter((r) => r.ok).map((r) => r.latency).sort((x, y) => x - y);
    expect(hour.count).toBe(180);
    expect(hour.failures).toBe(inHour.filter((r) => !r.ok).length);
    expect(hour.latency_min).toBe(okLatencies[0]);
    expect(hour.latency_max).toBe(okLatencies[okLatencies.length - 1]);
    expect(hour.latency_sum).toBe(okLatencies.reduce((s, v) => s + v, 0));
    const trueP95 = okLatencies[Math.ceil(0.95 * okLatencies.length) - 1];
    expect(Math.abs(hour.latency_p95 - trueP95)).toBeLessThanOrEqual(3);

    // Midnight UTC closed after two hours: one day bucket per monitor for 10 January.
    const day = db.prepare('SELECT count, failures FROM monitor_buckets WHERE size = ? AND start = ? AND monitor_id = ?').get(DAY, START - 22 * HOUR, b);
    expect(day).toEqual(exact(b, START - 22 * HOUR, START + 2 * HOUR));
    expect(exact(b, START + HOUR, START + 2 * HOUR).failures).toBe(120);
  });

  it('answers 24 h / 7 d / 30 d / 90 d uptime from buckets plus the raw results not yet rolled up', () => {
    run(START, START + 26 * HOUR);
    const now = START + 26 * HOUR + 30_000;
    // Results of the current, open minute are in no bucket yet, but count.
    for (const r of resultsBetween(START + 26 * HOUR, now, a, b)) {
      writer.add(r.id, { at: r.at, ok: r.ok, latencyMs: r.latency, status: 200, error: null }, {}, null);
      written.push(r);
    }
    writer.flush();
    const day = queries.countsForAll('24h', now);
    // The 24 h window starts on the hour: 02:00 on the 10th + 24 h back.
    const from24h = Math.floor((now - DAY) / HOUR) * HOUR;
    expect(day.get(a)).toEqual(exact(a, from24h, now + 1));
    expect(day.get(b)).toEqual(exact(b, from24h, now + 1));
    for (const window of ['7d', '30d', '90d'] as const) {
      const all = queries.countsForAll(window, now);
      expect(all.get(a)).toEqual(exact(a, 0, now + 1));
      expect(all.get(b)).toEqual(exact(b, 0, now + 1));
    }
    const detail = queries.forMonitor(b, '24h', now);
    const expected = exact(b, from24h, now + 1);
    expect(detail.stats.count).toBe(expected.count);
    expect(detail.stats.uptime).toBeCloseTo((expected.count - expected.failures) / expected.count, 10);
    expect(detail.stats.avgMs).toBe(100);
    expect(detail.bucketMs).toBe(HOUR);
    expect(detail.points.length).toBe(25);
    expect(detail.points.reduce((s, p) => s + p.count, 0)).toBe(expected.count);
    const monthly = queries.forMonitor(a, '30d', now);
    expect(monthly.points.map((p) => p.start)).toEqual([Date.UTC(2026, 0, 10), Date.UTC(2026, 0, 11), Date.UTC(2026, 0, 12)]);

    const spark = queries.sparklines(now, 30).get(a)!;
    expect(spark.latency).toHaveLength(30);
    expect(spark.latency.every((v) => v === null || (v >= 20 && v < 70))).toBe(true);
    expect(queries.failures(b, START, 5).map((f) => f.at)).toEqual(
      written.filter((r) => r.id === b && !r.ok).slice(-5).map((r) => r.at),
    );
  });

  it('keeps the database bounded: prunes each level in batches after it was rolled up, and uptime does not change', () => {
    run(START, START + 3 * DAY);
    const now = START + 3 * DAY + 3_000;
    const before = queries.countsForAll('7d', now);
    const retention = { rawHours: 2, minuteHours: 3, hourDays: 2, dayDays: 7 };
    const rawBefore = db.prepare('SELECT COUNT(*) FROM monitor_results').pluck().get() as number;
    const first = rollups.prune(now, retention);
    // One batch per level and call: raw results go 5,000 at a time.
    expect(first).toBeGreaterThan(0);
    expect(rawBefore - (db.prepare('SELECT COUNT(*) FROM monitor_results').pluck().get() as number)).toBeLessThanOrEqual(5_000 + 1);
    while (rollups.prune(now, retention) > 0);
    const rawAfter = db.prepare('SELECT MIN(at) FROM monitor_results').pluck().get() as number;
    expect(rawAfter).toBeGreaterThanOrEqual(now - 2 * HOUR);
    expect(db.prepare('SELECT COUNT(*) FROM monitor_results').pluck().get()).toBeLessThanOrEqual((2 * HOUR) / 20_000 + (2 * HOUR) / 30_000 + 10);
    expect(bucketCount(MINUTE)).toBeLessThanOrEqual(2 * 3 * 60 + 4);
    expect(bucketCount(HOUR)).toBeLessThanOrEqual(2 * 2 * 24 + 4);
    expect(bucketCount(DAY)).toBe(2 * 3);
    // 7 days reads day, hour and minute buckets; what pruning removed was already rolled up into them.
    expect(queries.countsForAll('7d', now)).toEqual(before);
  });

  it('never prunes raw results that are not rolled up yet, and catches up after the app was closed', () => {
    run(START, START + 10 * MINUTE);
    // Closed for two days, then results again: each empty span is skipped in one step, not bucket by bucket.
    const later = START + 2 * DAY;
    const work = run(later, later + 2 * MINUTE);
    expect(work[0]).toBeLessThanOrEqual(6);
    const counts = queries.countsForAll('7d', later + 3 * MINUTE);
    expect(counts.get(a)).toEqual(exact(a, 0, Infinity));
    // A raw window of 2 h would cover these results, but the minute rollup of the last minute is due first.
    const unrolledAt = later + 2 * MINUTE + 10_000;
    writer.add(a, { at: unrolledAt, ok: true, latencyMs: 5, status: 200, error: null }, {}, null);
    writer.flush();
    while (rollups.prune(unrolledAt + 10 * DAY, { rawHours: 2, minuteHours: 3, hourDays: 2, dayDays: 7 }) > 0);
    expect(db.prepare('SELECT COUNT(*) FROM monitor_results WHERE at = ?').pluck().get(unrolledAt)).toBe(1);
  });
});
