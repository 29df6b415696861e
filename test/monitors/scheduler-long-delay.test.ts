import { describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, Scheduler } from '../../main/engine/monitors/scheduler';
import { FakeClock } from './helpers/fake-clock';

const DAY = 86_400_000;

/**
 * A fake clock whose timers behave like Node's: a delay over 2^31-1 ms fires after 1 ms. It counts
 * the timers armed and gives up after a bound, so a scheduler that spins fails instead of hanging.
 */
function nodeLikeClock() {
  const clock = new FakeClock();
  const base = clock.setTimer;
  const counts = { armed: 0, longest: 0 };
  clock.setTimer = (fn, ms) => {
    counts.armed++;
    counts.longest = Math.max(counts.longest, ms);
    if (counts.armed > 10_000) throw new Error('the scheduler keeps arming timers');
    return base(fn, ms > MAX_TIMER_MS ? 1 : ms);
  };
  return { clock, counts };
}

describe('Scheduler with intervals of days', () => {
  it('waits out a 30-day interval in a few timers, each within what setTimeout can wait', { timeout: 5_000 }, async () => {
    const { clock, counts } = nodeLikeClock();
    const starts: number[] = [];
    const scheduler = new Scheduler({
      clock,
      startSpreadMs: 0,
      tickMs: 1,
      run: async () => void starts.push(clock.now()),
    });
    scheduler.set([{ id: 'monthly', intervalMs: 30 * DAY, jitterMs: 0, version: 'v1' }]);
    scheduler.start();
    await clock.advance(61 * DAY);
    expect(starts.map((at) => (at - starts[0]) / DAY)).toEqual([0, 30, 60]);
    // Two runs plus one intermediate step per 30 days, not a timer per millisecond.
    expect(counts.armed).toBeLessThan(10);
    expect(counts.longest).toBeLessThanOrEqual(MAX_TIMER_MS);
    await scheduler.stop();
  });

  it('does not take the end of a long step for a sleep of the machine', async () => {
    const { clock } = nodeLikeClock();
    const gaps: number[] = [];
    const scheduler = new Scheduler({ clock, startSpreadMs: 0, tickMs: 1, onGap: (ms) => gaps.push(ms), run: async () => {} });
    scheduler.set([{ id: 'weekly', intervalMs: 7 * DAY, jitterMs: 0, version: 'v1' }, { id: 'far', intervalMs: 60 * DAY, jitterMs: 0, version: 'v1' }]);
    scheduler.start();
    await clock.advance(62 * DAY);
    expect(gaps).toEqual([]);
    await scheduler.stop();
  });
});
