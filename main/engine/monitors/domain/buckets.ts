export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Start of the bucket of `size` holding `at`; days are UTC days. */
export function floorTo(at: number, size: number): number {
  return at - (((at % size) + size) % size);
}

/** One bucket of results, or one raw result seen as a bucket of one. */
export interface Tally {
  count: number;
  failures: number;
  latencyMin: number | null;
  latencySum: number;
  latencyMax: number | null;
  latencyP95: number | null;
}

export function emptyTally(): Tally {
  return { count: 0, failures: 0, latencyMin: null, latencySum: 0, latencyMax: null, latencyP95: null };
}

/** Adds `b` into `a`, leaving p95 to `estimateP95`, which needs every part at once. */
export function addTally(a: Tally, b: Tally): Tally {
  a.count += b.count;
  a.failures += b.failures;
  a.latencySum += b.latencySum;
  if (b.latencyMin !== null) a.latencyMin = a.latencyMin === null ? b.latencyMin : Math.min(a.latencyMin, b.latencyMin);
  if (b.latencyMax !== null) a.latencyMax = a.latencyMax === null ? b.latencyMax : Math.max(a.latencyMax, b.latencyMax);
  return a;
}

/** Nearest-rank 95th percentile of latencies sorted ascending. */
export function p95(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)];
}

/**
 * p95 of a span made of smaller buckets, estimated from their own p95s weighted by their number of
 * successful checks: exact for buckets of one result, close for minute buckets of a few.
 */
export function estimateP95(parts: Tally[]): number | null {
  const weighted = parts.filter((p) => p.latencyP95 !== null && p.count > p.failures).sort((a, b) => a.latencyP95! - b.latencyP95!);
  const total = weighted.reduce((sum, p) => sum + p.count - p.failures, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const part of weighted) {
    seen += part.count - part.failures;
    if (seen >= 0.95 * total) return part.latencyP95;
  }
  return weighted[weighted.length - 1].latencyP95;
}
