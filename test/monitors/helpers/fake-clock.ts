import type { SchedulerClock } from '../../../main/engine/monitors/clock';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** A clock and timer queue the test drives by hand; `random` is a seeded generator. */
export class FakeClock implements SchedulerClock {
  private timers: Timer[] = [];
  private nextId = 1;
  private seed: number;
  current: number;

  constructor(start = 1_700_000_000_000, seed = 42) {
    this.current = start;
    this.seed = seed;
  }

  now = (): number => this.current;

  setTimer = (fn: () => void, ms: number): unknown => {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  };

  clearTimer = (handle: unknown): void => {
    this.timers = this.timers.filter((t) => t.id !== handle);
  };

  // mulberry32: deterministic, evenly spread values in [0, 1).
  random = (): number => {
    let t = (this.seed = (this.seed + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  pending(): number {
    return this.timers.length;
  }

  /** Moves time forward, firing each timer at its own time and letting promises settle in between. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await settle();
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
    await settle();
  }

  /** Sleep: the wall clock jumps and no timer fires until the machine wakes up. */
  async sleep(ms: number): Promise<void> {
    this.current += ms;
    await this.advance(0);
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
