import { randomUUID } from 'node:crypto';
import os from 'node:os';

// Long enough to outlast a stalled event loop, short enough that a crashed engine's row is taken
// over within a minute; a live holder renews it every pump, so a slow delivery never loses it.
export const LEASE_MS = 30_000;

export interface Claim<Row> {
  id: number;
  row: Row;
}

/** A durable queue whose rows are leased to one engine at a time (several engines may share a file). */
export interface LeasedQueue<Row> {
  readonly open: boolean;
  /** Ids due at `at`, oldest first, at most `limit`. */
  due(at: number, limit: number): number[];
  /** The row, now leased to `owner` until `leaseUntil`, or undefined when another engine took it first. */
  claim(id: number, owner: string, at: number, leaseUntil: number): Row | undefined;
  /** Extends every lease `owner` holds. */
  renew(owner: string, leaseUntil: number): void;
}

/** A queue that can lease many rows in one write, for deliveries that take them together. */
export interface GroupLeasedQueue<Row> extends LeasedQueue<Row> {
  /** The rows among `ids` now leased to `owner`; those another engine took first are left out. */
  claimAll(ids: readonly number[], owner: string, at: number, leaseUntil: number): Claim<Row>[];
  /** Since when the row due longest has been due at `at`; null when none is. */
  oldestDue(at: number): number | null;
}

/**
 * Delivering many due rows as one (a summary instead of a storm). Rows due go alone while they fit,
 * with every other row due, in `alonePerGap` deliveries within any `gapMs`. Beyond that they are
 * collected for `collectMs` (counted from the longest-waiting row) and go as one group, at most
 * one group per `gapMs`, and nothing goes alone within `gapMs` after a group: two or more rows that
 * came due in that gap go as one group when it ends. So a storm is a few rows alone and then a
 * summary every gap, while a quiet queue delivers at once.
 */
export interface Together<Row> {
  queue: GroupLeasedQueue<Row>;
  alonePerGap: number;
  limit: number;
  collectMs: number;
  gapMs: number;
  deliver: (claims: Claim<Row>[], owner: string) => Promise<void>;
}

export interface LeasedPumpParts<Row> {
  queue: LeasedQueue<Row>;
  now: () => number;
  /** A bound on deliveries at once when many rows are due together; a group counts as one. */
  maxInFlight: number;
  /** Delivers one claimed row and records its outcome; the pump runs again when it settles. */
  deliver: (id: number, row: Row, owner: string) => Promise<void>;
  together?: Together<Row>;
  onError: (err: unknown) => void;
}

/**
 * Claims what is due and hands each claim to `deliver` (or a group of claims to `together`), for
 * one engine. A failed delivery waits for its back-off in the queue; a row another engine holds
 * waits until that lease runs out.
 */
export class LeasedPump<Row> {
  // Unique per engine, even for two in one process; readable in the table when diagnosing.
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly inFlight = new Set<number>();
  private slotsTaken = 0;
  private lastGroupAt = Number.NEGATIVE_INFINITY;
  private aloneStarts: number[] = [];
  private running: boolean;

  constructor(
    private readonly parts: LeasedPumpParts<Row>,
    running = true,
  ) {
    this.running = running;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Whether this engine is delivering the row right now. */
  delivering(id: number): boolean {
    return this.inFlight.has(id);
  }

  stop(): void {
    this.running = false;
  }

  /** Claims and starts what is due now, up to the in-flight bound; never throws. */
  pump(): void {
    const { queue, now, maxInFlight, together, onError } = this.parts;
    if (!this.running || !queue.open) return;
    try {
      const at = now();
      // Renewed first, so our own slow deliveries never look abandoned to the query below.
      if (this.inFlight.size > 0) queue.renew(this.owner, at + LEASE_MS);
      const room = maxInFlight - this.slotsTaken;
      if (room <= 0) return;
      if (together) this.pumpTogether(together, at, room);
      else this.startAlone(queue.due(at, room), at);
    } catch (err) {
      onError(err);
    }
  }

  private pumpTogether(together: Together<Row>, at: number, room: number): void {
    this.aloneStarts = this.aloneStarts.filter((started) => at - started < together.gapMs);
    const alone = Math.min(room, together.alonePerGap - this.aloneStarts.length);
    // A look at just enough rows to decide: each notice of a storm pumps, and most of them wait.
    const due = this.parts.queue.due(at, Math.max(alone + 1, 2));
    // Rows that came due during the gap after a group are the storm's tail: two or more go as one
    // group when the gap ends, rather than each alone a moment after the summary.
    if (due.length >= 2 && due.length <= alone && this.afterGroup(together, at)) {
      this.startGroup(together, this.parts.queue.due(at, together.limit), at);
      return;
    }
    if (due.length <= alone) {
      this.aloneStarts.push(...due.map(() => at));
      this.startAlone(due, at);
      return;
    }
    // One row due with no room to go alone waits until it may; more wait to be collected.
    if (due.length < 2 || at - this.lastGroupAt < together.gapMs) return;
    if (at - (together.queue.oldestDue(at) ?? at) >= together.collectMs) this.startGroup(together, this.parts.queue.due(at, together.limit), at);
  }

  // Whether the longest-waiting row came due in the gap after the last group (asked only once one was sent).
  private afterGroup(together: Together<Row>, at: number): boolean {
    return Number.isFinite(this.lastGroupAt) && (together.queue.oldestDue(at) ?? at) < this.lastGroupAt + together.gapMs;
  }

  private startAlone(due: readonly number[], at: number): void {
    for (const id of due) {
      const claimed = this.parts.queue.claim(id, this.owner, at, at + LEASE_MS);
      if (claimed) this.run([id], () => this.parts.deliver(id, claimed, this.owner));
    }
  }

  private startGroup(together: Together<Row>, due: number[], at: number): void {
    const claims = together.queue.claimAll(due, this.owner, at, at + LEASE_MS);
    if (claims.length === 0) return;
    this.lastGroupAt = at;
    // A group uses up the gap's rows alone too: while a storm lasts it is summaries only.
    this.aloneStarts = Array.from({ length: together.alonePerGap }, () => at);
    const ids = claims.map((claim) => claim.id);
    if (claims.length === 1) this.run(ids, () => this.parts.deliver(claims[0].id, claims[0].row, this.owner));
    else this.run(ids, () => together.deliver(claims, this.owner));
  }

  private run(ids: number[], delivery: () => Promise<void>): void {
    for (const id of ids) this.inFlight.add(id);
    this.slotsTaken += 1;
    void (async () => {
      try {
        await delivery();
      } catch (err) {
        this.parts.onError(err);
      } finally {
        for (const id of ids) this.inFlight.delete(id);
        this.slotsTaken -= 1;
        this.pump();
      }
    })();
  }
}
