import { describe, expect, it } from 'vitest';
import { Scheduler, type ScheduledJob } from '../../main/engine/monitors/scheduler';
import { FakeClock } from './helpers/fake-clock';

function job(id: string, intervalMs = 1000, jitterMs = 0, version = 'v1'): ScheduledJob {
  return { id, intervalMs, jitterMs, version };
}

/** A scheduler whose runs take `durationMs` of fake time; records every start and the overlap seen. */
function harness(options: { maxConcurrent?: number; durationMs?: number; startSpreadMs?: number; steadyPerSecond?: number; tickMs?: number } = {}) {
  const clock = new FakeClock();
  const starts: { id: string; at: number }[] = [];
  const active = new Map<string, number>();
  let running = 0;
  let maxRunning = 0;
  let maxSameJob = 0;
  const gaps: number[] = [];
  const scheduler = new Scheduler({
    clock,
    maxConcurrent: options.maxConcurrent,
    startSpreadMs: options.startSpreadMs ?? 0,
    steadyPerSecond: options.steadyPerSecond,
    tickMs: options.tickMs ?? 1,
    onGap: (ms) => gaps.push(ms),
    run: (id) => {
      starts.push({ id, at: clock.now() });
      running++;
      active.set(id, (active.get(id) ?? 0) + 1);
      maxRunning = Math.max(maxRunning, running);
      maxSameJob = Math.max(maxSameJob, active.get(id)!);
      const duration = options.durationMs ?? 10;
      return new Promise<void>((resolve) =>
        clock.setTimer(() => {
          running--;
          active.set(id, active.get(id)! - 1);
          resolve();
        }, duration),
      );
    },
  });
  // Runs in flight end on fake timers, so stopping has to keep the clock moving.
  const shutdown = async () => {
    const stopped = scheduler.stop();
    await clock.advance(60_000);
    await stopped;
  };
  return { clock, scheduler, starts, gaps, shutdown, stats: () => ({ maxRunning, maxSameJob }) };
}

describe('Scheduler', () => {
  it('runs each job at its interval', async () => {
    const { clock, scheduler, starts, shutdown } = harness();
    scheduler.set([job('a', 1000)]);
    scheduler.start();
    await clock.advance(5500);
    expect(starts.map((s) => s.at - starts[0].at)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    await shutdown();
  });

  it('never starts a second run of a job that is still running, and skips the missed slots', async () => {
    const { clock, scheduler, starts, stats, shutdown } = harness({ durationMs: 2500 });
    scheduler.set([job('slow', 1000)]);
    scheduler.start();
    await clock.advance(10_000);
    expect(stats().maxSameJob).toBe(1);
    // Each run starts when the previous one ended, never two back to back for missed slots.
    const at = starts.map((s) => s.at - starts[0].at);
    expect(at).toEqual([0, 2500, 5000, 7500, 10_000]);
    await shutdown();
  });

  it('keeps the number of runs in flight under the bound and measures the wait as lateness', async () => {
    const { clock, scheduler, starts, stats, shutdown } = harness({ maxConcurrent: 3, durationMs: 100 });
    scheduler.set(Array.from({ length: 10 }, (_, i) => job(`m${i}`, 10_000)));
    scheduler.start();
    await clock.advance(1000);
    expect(stats().maxRunning).toBe(3);
    expect(new Set(starts.map((s) => s.id)).size).toBe(10);
    const lateness = scheduler.stats().lateness;
    expect(lateness.count).toBe(10);
    expect(lateness.max).toBe(300);
    expect(lateness.p50).toBeGreaterThanOrEqual(100);
    await shutdown();
  });

  it('spreads runs with jitter inside the configured window', async () => {
    const { clock, scheduler, starts, shutdown } = harness();
    scheduler.set([job('j', 1000, 200)]);
    scheduler.start();
    await clock.advance(200_000);
    const t0 = starts[0].at;
    const offsets = starts.slice(1).map((s, i) => s.at - t0 - (i + 1) * 1000);
    expect(offsets.length).toBeGreaterThan(150);
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(200);
    // Spread over the window, not bunched at one value: each fifth of it is used.
    const buckets = new Set(offsets.map((o) => Math.floor(o / 40)));
    expect(buckets.size).toBe(5);
    await shutdown();
  });

  it('spreads the first runs of a large config evenly, the first one at once', async () => {
    const { clock, scheduler, starts, shutdown } = harness({ startSpreadMs: 1000, maxConcurrent: 100 });
    scheduler.set(Array.from({ length: 100 }, (_, i) => job(`m${i}`, 60_000)));
    scheduler.start();
    await clock.advance(999);
    expect(starts).toHaveLength(100);
    expect(starts[0].at - clock.now()).toBe(-999);
    const at = starts.map((s) => s.at - starts[0].at);
    expect(at[50]).toBe(500);
    await shutdown();
  });

  it('replaces a changed job, drops a removed one and lets a running removed job finish alone', async () => {
    const { clock, scheduler, starts, stats, shutdown } = harness({ durationMs: 50 });
    scheduler.set([job('keep', 1000), job('change', 1000), job('drop', 1000)]);
    scheduler.start();
    await clock.advance(10);
    scheduler.set([job('keep', 1000), job('change', 1000, 0, 'v2')]);
    await clock.advance(3000);
    const count = (id: string) => starts.filter((s) => s.id === id).length;
    expect(count('drop')).toBe(1);
    // The changed job ran again as soon as its running check finished, then on its interval.
    const changeStarts = starts.filter((s) => s.id === 'change').map((s) => s.at - starts[0].at);
    expect(changeStarts.slice(0, 2)).toEqual([0, 50]);
    // Re-adding a job while its old run is in flight does not make two runs at once.
    scheduler.set([job('keep', 1000)]);
    scheduler.set([job('keep', 1000), job('change', 1000, 0, 'v3')]);
    await clock.advance(3000);
    expect(stats().maxSameJob).toBe(1);
    await shutdown();
  });

  it('treats a long timer gap as sleep: reports it once and spreads the next runs', async () => {
    const { clock, scheduler, starts, gaps, shutdown } = harness({ startSpreadMs: 1000, maxConcurrent: 50 });
    scheduler.set(Array.from({ length: 20 }, (_, i) => job(`m${i}`, 30_000)));
    scheduler.start();
    await clock.advance(2000);
    starts.length = 0;
    await clock.sleep(2 * 3_600_000);
    await clock.advance(1000);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toBeGreaterThan(3_500_000);
    expect(starts).toHaveLength(20);
    const after = starts.map((s) => s.at - starts[0].at);
    expect(Math.max(...after)).toBeGreaterThanOrEqual(900);
    await shutdown();
  });

  it('starts checks due close together in the same tick, keeping the exact period', async () => {
    const { clock, scheduler, starts, shutdown } = harness({ startSpreadMs: 1000, tickMs: 250, maxConcurrent: 1000 });
    // 400 jobs every 20 s, together within 2 s (the steady rate) and 1 s of jitter.
    scheduler.set(Array.from({ length: 400 }, (_, i) => job(`m${i}`, 20_000, 1000)));
    scheduler.start();
    await clock.advance(90_000);
    const instants = new Set(starts.map((s) => s.at));
    expect(starts.length).toBeGreaterThanOrEqual(1_600);
    expect([...instants].every((t) => t % 250 === 0)).toBe(true);
    // 1,600 runs share a few hundred wake-ups instead of 1,600.
    expect(instants.size).toBeLessThan(starts.length / 3);
    const runs = starts.filter((s) => s.id === 'm7').map((s) => s.at);
    // Three periods later it is still in its slot, give or take its jitter and a tick: no drift.
    expect(runs[4] - runs[1]).toBeGreaterThanOrEqual(59_000);
    expect(runs[4] - runs[1]).toBeLessThanOrEqual(61_250);
    await shutdown();
  });

  it('spreads the later runs of a big config so no more than the steady rate come due in a second', async () => {
    const { clock, scheduler, starts, shutdown } = harness({ startSpreadMs: 5000, steadyPerSecond: 20, tickMs: 250, maxConcurrent: 1000 });
    scheduler.set(Array.from({ length: 1000 }, (_, i) => job(`m${i}`, 60_000)));
    scheduler.start();
    await clock.advance(180_000);
    // The first runs come soon, all within the start window.
    const byJob = new Map<string, number[]>();
    for (const s of starts) byJob.set(s.id, [...(byJob.get(s.id) ?? []), s.at]);
    const t0 = starts[0].at;
    expect(Math.max(...[...byJob.values()].map((runs) => runs[0] - t0))).toBeLessThanOrEqual(5000);
    // From then on 20 a second over 50 s of each minute (counted from the first start, so the ends are partial), none in a burst.
    const seconds = Array.from({ length: 60 }, () => 0);
    for (const s of starts) if (s.at - t0 >= 60_000 && s.at - t0 < 120_000) seconds[Math.floor((s.at - t0 - 60_000) / 1000)]++;
    expect(seconds.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(Math.max(...seconds)).toBeLessThanOrEqual(21);
    expect(seconds.slice(1, 49).every((n) => n >= 19)).toBe(true);
    expect(seconds.slice(51).every((n) => n === 0)).toBe(true);
    // The second run of each is at least half an interval after its first, and every run after that one interval on.
    for (const runs of byJob.values()) {
      expect(runs[1] - runs[0]).toBeGreaterThanOrEqual(30_000);
      expect(runs[1] - runs[0]).toBeLessThanOrEqual(90_000);
      expect(runs[2] - runs[1]).toBe(60_000);
    }
    await shutdown();
  });

  it('keeps a config the steady rate allows together in the start window, where few wake-ups start it', async () => {
    const { clock, scheduler, starts, shutdown } = harness({ startSpreadMs: 5000, tickMs: 250, maxConcurrent: 1000 });
    scheduler.set(Array.from({ length: 1000 }, (_, i) => job(`m${i}`, 20_000)));
    scheduler.start();
    await clock.advance(60_000);
    const t0 = starts[0].at;
    const later = starts.filter((s) => s.at - t0 >= 20_000 && s.at - t0 < 40_000).map((s) => (s.at - t0) % 20_000);
    expect(later).toHaveLength(1000);
    expect(Math.max(...later)).toBeLessThanOrEqual(5000);
    expect(new Set(later).size).toBeLessThanOrEqual(21);
    await shutdown();
  });

  it('never runs a job with a short interval right behind its first run, whatever the start window', async () => {
    const { clock, scheduler, starts, shutdown } = harness({ startSpreadMs: 5000, tickMs: 250, maxConcurrent: 100 });
    scheduler.set(Array.from({ length: 40 }, (_, i) => job(`m${i}`, 1000)));
    scheduler.start();
    await clock.advance(10_000);
    for (let i = 0; i < 40; i++) {
      const runs = starts.filter((s) => s.id === `m${i}`).map((s) => s.at);
      expect(runs[1] - runs[0]).toBeGreaterThanOrEqual(500);
      expect(runs[2] - runs[1]).toBe(1000);
    }
    await shutdown();
  });

  it('runNow runs at once, or right after a run in progress', async () => {
    const { clock, scheduler, starts, shutdown } = harness({ durationMs: 100 });
    scheduler.set([job('a', 60_000)]);
    scheduler.start();
    await clock.advance(10);
    scheduler.runNow('a');
    await clock.advance(200);
    expect(starts.map((s) => s.at - starts[0].at)).toEqual([0, 100]);
    scheduler.runNow('a');
    await clock.advance(10);
    expect(starts).toHaveLength(3);
    await shutdown();
  });
});
