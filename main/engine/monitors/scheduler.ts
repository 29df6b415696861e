import { systemClock, type SchedulerClock } from './clock';
import { LatenessStats, type LatenessSummary } from './domain/lateness-stats';
import { MinHeap } from './min-heap';

/**
 * The longest a timer can wait (2^31-1 ms, about 24.8 days): Node fires a longer one after 1 ms, so
 * a far due time is reached in steps of at most this, re-armed each time.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ScheduledJob {
  id: string;
  intervalMs: number;
  jitterMs: number;
  /** A new version replaces the job and runs it again soon. */
  version: string;
}

/** What a run asks of the next one; nothing means the next run comes at the job's interval. */
export interface RunOutcome {
  /** Run again this soon (rounded up to the grid) instead of after a whole interval, without jitter. */
  retryInMs?: number;
}

export interface SchedulerOptions {
  /** Runs one job; must not reject (failures are results, not exceptions). */
  run: (id: string) => Promise<RunOutcome | void>;
  maxConcurrent?: number;
  clock?: SchedulerClock;
  /** How late a timer may fire before it counts as sleep/resume rather than load. */
  gapThresholdMs?: number;
  onGap?: (gapMs: number) => void;
  /** New jobs start spread evenly over this window so a big config does not start in one burst. */
  startSpreadMs?: number;
  /**
   * Their later runs are spread so that no more than this many come due in a second (within their
   * interval): 1,000 checks every 20 s stay together in the start window, where starting them in
   * few wake-ups is cheapest, while 10,000 a minute come steadily rather than in its first seconds.
   */
  steadyPerSecond?: number;
  /**
   * Due times are rounded up to this grid so that checks due close together start in one wake-up of
   * the process: on this hardware an isolated request costs about 800 µs of CPU, ten started
   * together about 330 µs each. Intervals that are multiples of it keep their exact period.
   */
  tickMs?: number;
  onError?: (id: string, err: unknown) => void;
}

export interface SchedulerStats {
  jobs: number;
  running: number;
  queued: number;
  runs: number;
  lateness: LatenessSummary;
}

interface Entry {
  job: ScheduledJob;
  /** The nominal slot; jitter is added on top so it never accumulates into drift. */
  base: number;
  dueAt: number;
  token: number;
  running: boolean;
  queued: boolean;
  removed: boolean;
  rerun: boolean;
}

/**
 * Runs jobs at their intervals with jitter and bounded concurrency, never two runs of one job at
 * once, using a single timer for all jobs.
 */
export class Scheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly heap = new MinHeap<{ entry: Entry; token: number }>();
  private readonly ready: Entry[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly clock: SchedulerClock;
  private readonly maxConcurrent: number;
  private readonly latenessStats = new LatenessStats();
  private timer: unknown = undefined;
  /** The due time the timer serves; a later one needs no new timer. */
  private armedFor = Infinity;
  /** When the timer should fire: the due time, or the end of one step towards a far one. */
  private firesAt = Infinity;
  private running = 0;
  private runs = 0;
  private started = false;

  constructor(private readonly options: SchedulerOptions) {
    this.clock = options.clock ?? systemClock;
    this.maxConcurrent = options.maxConcurrent ?? 32;
  }

  /** Adds new jobs, replaces changed ones and drops those no longer listed. */
  set(jobs: ScheduledJob[]): void {
    const now = this.clock.now();
    const wanted = new Set<string>();
    const fresh: Entry[] = [];
    for (const job of jobs) {
      wanted.add(job.id);
      const entry = this.entries.get(job.id);
      if (!entry) {
        const created: Entry = { job, base: now, dueAt: now, token: 0, running: false, queued: false, removed: false, rerun: false };
        this.entries.set(job.id, created);
        fresh.push(created);
      } else if (entry.removed || entry.job.version !== job.version) {
        entry.job = job;
        entry.removed = false;
        if (entry.running) entry.rerun = true;
        else fresh.push(entry);
      } else {
        entry.job = job;
      }
    }
    for (const [id, entry] of this.entries) {
      if (wanted.has(id)) continue;
      entry.removed = true;
      entry.token++;
      if (!entry.running) this.entries.delete(id);
    }
    this.spreadOut(fresh, now);
    this.arm();
  }

  /** Runs a job as soon as a slot is free (or right after its current run). */
  runNow(id: string): void {
    const entry = this.entries.get(id);
    if (!entry || entry.removed) return;
    if (entry.running) {
      entry.rerun = true;
      return;
    }
    const now = this.clock.now();
    this.schedule(entry, now, now);
    this.arm();
  }

  start(): void {
    this.started = true;
    this.arm();
  }

  /** Stops scheduling and waits for runs in progress to finish. */
  async stop(): Promise<void> {
    this.started = false;
    this.disarm();
    for (const entry of this.ready) entry.queued = false;
    this.ready.length = 0;
    await Promise.all([...this.inflight]);
  }

  stats(): SchedulerStats {
    return { jobs: this.entries.size, running: this.running, queued: this.ready.length, runs: this.runs, lateness: this.latenessStats.summary() };
  }

  resetStats(): void {
    this.latenessStats.reset();
    this.runs = 0;
  }

  private schedule(entry: Entry, base: number, dueAt: number): void {
    const tick = this.options.tickMs ?? 250;
    entry.token++;
    entry.base = base;
    entry.dueAt = tick > 1 ? Math.ceil(dueAt / tick) * tick : dueAt;
    this.heap.push(entry.dueAt, { entry, token: entry.token });
  }

  private arm(): void {
    if (!this.started) return;
    const next = this.heap.peekKey();
    if (next === undefined || next >= this.armedFor) return;
    this.disarm();
    const now = this.clock.now();
    const delay = Math.min(Math.max(0, next - now), MAX_TIMER_MS);
    this.armedFor = next;
    this.firesAt = delay < MAX_TIMER_MS ? next : now + delay;
    this.timer = this.clock.setTimer(() => this.tick(), delay);
  }

  private disarm(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.armedFor = Infinity;
    this.firesAt = Infinity;
  }

  private tick(): void {
    const expected = this.firesAt;
    this.timer = undefined;
    this.armedFor = Infinity;
    this.firesAt = Infinity;
    if (!this.started) return;
    const now = this.clock.now();
    const gapThreshold = this.options.gapThresholdMs ?? 60_000;
    if (now - expected > gapThreshold) this.resumeAfterGap(now, now - expected);
    for (let key = this.heap.peekKey(); key !== undefined && key <= now; key = this.heap.peekKey()) {
      const { entry, token } = this.heap.pop()!;
      if (token !== entry.token || entry.removed || entry.running || entry.queued) continue;
      this.dispatch(entry);
    }
    this.arm();
  }

  /** After sleep every slot is stale: spread all jobs again instead of firing them all at once. */
  private resumeAfterGap(now: number, gapMs: number): void {
    this.options.onGap?.(gapMs);
    this.spreadOut(
      [...this.entries.values()].filter((e) => !e.running && !e.queued && !e.removed),
      now,
    );
  }

  /**
   * The k-th of n jobs runs first k/n of the way through the start window, soon, and from then on in
   * its own slot k/n of the way through the steady window (the start window, or longer when n jobs
   * in it would come due faster than steadyPerSecond; never longer than the job's interval). The
   * second run is at least half an interval after the first, never right behind it.
   */
  private spreadOut(entries: readonly Entry[], now: number): void {
    const spread = this.options.startSpreadMs ?? 5000;
    const steady = Math.max(spread, (entries.length * 1000) / (this.options.steadyPerSecond ?? 200));
    entries.forEach((entry, k) => {
      const interval = entry.job.intervalMs;
      const firstAt = now + Math.min((k * spread) / entries.length, interval);
      // The slot before the steady one: finish() moves on by one interval from it.
      let slot = now + (k / entries.length) * Math.min(steady, interval) - interval;
      while (slot + interval < firstAt + interval / 2) slot += interval;
      this.schedule(entry, slot, firstAt);
    });
  }

  private dispatch(entry: Entry): void {
    if (this.running < this.maxConcurrent) this.begin(entry);
    else {
      entry.queued = true;
      this.ready.push(entry);
    }
  }

  private begin(entry: Entry): void {
    entry.running = true;
    entry.queued = false;
    this.running++;
    this.runs++;
    this.latenessStats.record(Math.max(0, this.clock.now() - entry.dueAt));
    const id = entry.job.id;
    const run = this.options
      .run(id)
      .catch((err) => void (this.options.onError ?? reportError)(id, err))
      .then((outcome) => {
        this.inflight.delete(run);
        this.finish(entry, outcome ?? undefined);
      });
    this.inflight.add(run);
  }

  private finish(entry: Entry, outcome: RunOutcome | undefined): void {
    entry.running = false;
    this.running--;
    if (entry.removed) {
      if (this.entries.get(entry.job.id) === entry) this.entries.delete(entry.job.id);
    } else if (this.started) {
      const now = this.clock.now();
      if (entry.rerun) {
        entry.rerun = false;
        this.schedule(entry, now, now);
      } else if (outcome?.retryInMs !== undefined) {
        // The retry becomes the new slot: the regular cadence resumes one interval after it.
        const at = now + Math.max(0, Math.min(outcome.retryInMs, entry.job.intervalMs));
        this.schedule(entry, at, at);
      } else {
        // Slots missed while the run was slow are skipped, not run back to back.
        const base = Math.max(entry.base + entry.job.intervalMs, now);
        this.schedule(entry, base, base + this.clock.random() * entry.job.jitterMs);
      }
    }
    while (this.started && this.running < this.maxConcurrent && this.ready.length > 0) {
      const next = this.ready.shift()!;
      if (next.queued && !next.removed) this.begin(next);
    }
    this.arm();
  }
}

// Without an owner to tell (a scheduler on its own, as in tests): one line, no stack trace.
function reportError(id: string, err: unknown): void {
  console.error(`monitor '${id}': scheduled run failed: ${(err as Error)?.message ?? String(err)}`);
}
