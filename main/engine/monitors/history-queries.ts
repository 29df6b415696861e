import type Database from 'better-sqlite3';
import type { HistoryPoint, RecentResult, UptimeWindow, WindowStats } from '../../../preload/contract';
import { DAY, HOUR, MINUTE, addTally, emptyTally, estimateP95, floorTo, type Tally } from './domain/buckets';
import type { Rollups } from './rollups';

export const WINDOW_MS: Record<UptimeWindow, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '90d': 90 * DAY };
// The coarsest buckets a window's totals are read from: day buckets outlive hour buckets, so a
// long window never depends on the shorter retention of finer ones.
const TOTALS_BUCKET: Record<UptimeWindow, number> = { '24h': HOUR, '7d': DAY, '30d': DAY, '90d': DAY };
// The resolution of each window's chart.
const CHART_BUCKET: Record<UptimeWindow, number> = { '24h': HOUR, '7d': HOUR, '30d': DAY, '90d': DAY };

interface Piece {
  size: number | 'raw';
  from: number;
  to: number;
}

export interface Counts {
  count: number;
  failures: number;
}

type TallyRow = [start: number, count: number, failures: number, min: number | null, sum: number, max: number | null, p95: number | null];

/**
 * Uptime and latency over a window, read from the coarsest finished buckets and finished at the
 * fine end by smaller ones and raw results, so the answer is current without scanning raw history.
 * Windows start on the hour (24 h) or at midnight UTC (7 d, 30 d, 90 d).
 */
export class HistoryQueries {
  constructor(
    private readonly db: Database.Database,
    private readonly rollups: Rollups,
  ) {}

  /** Checks and failures per monitor over the window, for every monitor at once. */
  countsForAll(window: UptimeWindow, now: number, ids?: readonly number[]): Map<number, Counts> {
    const counts = new Map<number, Counts>();
    const only = ids ? ' AND monitor_id IN (SELECT value FROM json_each(?))' : '';
    const idList = ids ? [JSON.stringify(ids)] : [];
    for (const piece of this.pieces(window, TOTALS_BUCKET[window], now)) {
      const rows =
        piece.size === 'raw'
          ? this.db.prepare(`SELECT monitor_id, COUNT(*), SUM(ok = 0) FROM monitor_results WHERE at >= ? AND at < ?${only} GROUP BY monitor_id`).raw().all(piece.from, piece.to, ...idList)
          : this.db
              .prepare(`SELECT monitor_id, SUM(count), SUM(failures) FROM monitor_buckets WHERE size = ? AND start >= ? AND start < ?${only} GROUP BY monitor_id`)
              .raw()
              .all(piece.size, piece.from, piece.to, ...idList);
      for (const [id, count, failures] of rows as [number, number, number][]) {
        const entry = counts.get(id);
        if (entry) {
          entry.count += count;
          entry.failures += failures;
        } else counts.set(id, { count, failures });
      }
    }
    return counts;
  }

  /** Totals and chart points of one monitor over the window. */
  forMonitor(id: number, window: UptimeWindow, now: number): { stats: WindowStats; bucketMs: number; from: number; points: HistoryPoint[] } {
    const bucketMs = CHART_BUCKET[window];
    const bins = new Map<number, Tally[]>();
    for (const tally of this.tallies(id, window, bucketMs, now)) {
      const list = bins.get(tally.start);
      if (list) list.push(tally);
      else bins.set(tally.start, [tally]);
    }
    const points = [...bins.entries()].sort((a, b) => a[0] - b[0]).map(([start, parts]) => toPoint(start, parts));
    const totals = TOTALS_BUCKET[window] === bucketMs ? [...bins.values()].flat() : this.tallies(id, window, TOTALS_BUCKET[window], now);
    return { stats: toStats(totals), bucketMs, from: floorTo(now - WINDOW_MS[window], bucketMs), points };
  }

  /** One monitor's buckets and raw results over the window, read down to `coarsest`; each marked with its chart bin. */
  private tallies(id: number, window: UptimeWindow, coarsest: number, now: number): (Tally & { start: number })[] {
    const out: (Tally & { start: number })[] = [];
    for (const piece of this.pieces(window, coarsest, now)) {
      const rows =
        piece.size === 'raw'
          ? this.db
              .prepare('SELECT at, 1, 1 - ok, CASE WHEN ok THEN latency_ms END, CASE WHEN ok THEN latency_ms ELSE 0 END, CASE WHEN ok THEN latency_ms END, CASE WHEN ok THEN latency_ms END FROM monitor_results WHERE at >= ? AND at < ? AND monitor_id = ?')
              .raw()
              .all(piece.from, piece.to, id)
          : this.db
              .prepare('SELECT start, count, failures, latency_min, latency_sum, latency_max, latency_p95 FROM monitor_buckets WHERE size = ? AND start >= ? AND start < ? AND monitor_id = ?')
              .raw()
              .all(piece.size, piece.from, piece.to, id);
      for (const [start, count, failures, latencyMin, latencySum, latencyMax, latencyP95] of rows as TallyRow[]) {
        out.push({ start: floorTo(start, coarsest), count, failures, latencyMin, latencySum, latencyMax, latencyP95 });
      }
    }
    return out;
  }

  /**
   * Average latency per minute over the last `minutes` minutes, for every monitor or for `ids`
   * only: 10,000 monitors hold 300,000 minute buckets in half an hour, which a window showing
   * thirty of them need not read into JavaScript.
   */
  sparklines(now: number, minutes: number, ids?: readonly number[]): Map<number, { latency: (number | null)[]; failures: number[] }> {
    const from = floorTo(now, MINUTE) - (minutes - 1) * MINUTE;
    const done = this.rollups.done(MINUTE, now);
    const only = ids ? ' AND monitor_id IN (SELECT value FROM json_each(?))' : '';
    const idList = ids ? [JSON.stringify(ids)] : [];
    const rows = [
      ...(this.db.prepare(`SELECT monitor_id, start, count, failures, latency_sum FROM monitor_buckets WHERE size = ? AND start >= ?${only}`).raw().all(MINUTE, from, ...idList) as number[][]),
      ...(this.db
        .prepare(`SELECT monitor_id, at, 1, 1 - ok, CASE WHEN ok THEN latency_ms ELSE 0 END FROM monitor_results WHERE at >= ?${only}`)
        .raw()
        .all(Math.max(from, done), ...idList) as number[][]),
    ];
    const acc = new Map<number, { sums: Float64Array; oks: Uint32Array; failures: Set<number> }>();
    for (const [id, start, count, failures, sum] of rows) {
      const slot = Math.floor((floorTo(start, MINUTE) - from) / MINUTE);
      if (slot < 0 || slot >= minutes) continue;
      let entry = acc.get(id);
      if (!entry) acc.set(id, (entry = { sums: new Float64Array(minutes), oks: new Uint32Array(minutes), failures: new Set() }));
      entry.sums[slot] += sum;
      entry.oks[slot] += count - failures;
      if (failures > 0) entry.failures.add(slot);
    }
    const out = new Map<number, { latency: (number | null)[]; failures: number[] }>();
    for (const [id, { sums, oks, failures }] of acc) {
      out.set(id, {
        latency: Array.from(oks, (n, i) => (n > 0 ? Math.round(sums[i] / n) : null)),
        failures: [...failures].sort((a, b) => a - b),
      });
    }
    return out;
  }

  /** The newest results of one monitor, newest first, from the raw window. */
  recent(id: number, now: number, limit: number): RecentResult[] {
    const rows = this.db
      .prepare('SELECT at, ok, latency_ms, status, error FROM monitor_results WHERE at >= ? AND monitor_id = ? ORDER BY at DESC LIMIT ?')
      .all(now - DAY, id, limit) as { at: number; ok: number; latency_ms: number; status: number | null; error: string | null }[];
    return rows.map(toRecent);
  }

  /** Failures of one monitor since `from`, oldest first, at most `limit` (the newest ones). */
  failures(id: number, from: number, limit: number): RecentResult[] {
    const rows = this.db
      .prepare('SELECT at, ok, latency_ms, status, error FROM monitor_results WHERE monitor_id = ? AND ok = 0 AND at >= ? ORDER BY at DESC LIMIT ?')
      .all(id, from, limit) as { at: number; ok: number; latency_ms: number; status: number | null; error: string | null }[];
    return rows.map(toRecent).reverse();
  }

  private pieces(window: UptimeWindow, coarsest: number, now: number): Piece[] {
    const start = floorTo(now - WINDOW_MS[window], coarsest);
    const sizes = [DAY, HOUR, MINUTE].filter((size) => size <= coarsest);
    const pieces: Piece[] = [];
    let from = start;
    for (const size of sizes) {
      const to = this.rollups.done(size, now);
      if (to > from) pieces.push({ size, from, to });
      from = Math.max(from, to);
    }
    pieces.push({ size: 'raw', from, to: now + 1 });
    return pieces;
  }
}

function toStats(parts: Tally[]): WindowStats {
  const total = parts.reduce(addTally, emptyTally());
  const ok = total.count - total.failures;
  return {
    count: total.count,
    failures: total.failures,
    uptime: total.count > 0 ? ok / total.count : null,
    avgMs: ok > 0 ? Math.round(total.latencySum / ok) : null,
    p95Ms: estimateP95(parts),
    minMs: total.latencyMin,
    maxMs: total.latencyMax,
  };
}

function toPoint(start: number, parts: Tally[]): HistoryPoint {
  const stats = toStats(parts);
  return { start, count: stats.count, failures: stats.failures, avgMs: stats.avgMs, p95Ms: stats.p95Ms, maxMs: stats.maxMs };
}

function toRecent(row: { at: number; ok: number; latency_ms: number; status: number | null; error: string | null }): RecentResult {
  return { at: row.at, ok: row.ok === 1, latencyMs: row.latency_ms, status: row.status, error: row.error };
}
