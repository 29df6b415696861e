import { randomUUID } from 'node:crypto';
import os from 'node:os';

// Long enough to outlast a stalled event loop, short enough that a crashed engine's row is taken
// over within a minute; a live holder renews it every pump, so a slow delivery never loses it.
export const LEASE_MS = 30_000;

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

export interface LeasedPumpParts<Row> {
  queue: LeasedQueue<Row>;
  now: () => number;
  /** A bound on deliveries at once when many rows are due together. */
  maxInFlight: number;
  /** Delivers one claimed row and records its outcome; the pump runs again when it settles. */
  deliver: (id: number, row: Row, owner: string) => Promise<void>;
  onError: (err: unknown) => void;
}

/**
 * Claims what is due and hands each claim to `deliver`, one delivery per claim, for one engine.
 * A failed delivery waits for its back-off in the queue; a row another engine holds waits until
 * that lease runs out.
 */
export class LeasedPump<Row> {
  // Unique per engine, even for two in one process; readable in the table when diagnosing.
  readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly inFlight = new Set<number>();
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
    const { queue, now, maxInFlight, onError } = this.parts;
    if (!this.running || !queue.open) return;
    try {
      const at = now();
      // Renewed first, so our own slow deliveries never look abandoned to the query below.
      if (this.inFlight.size > 0) queue.renew(this.owner, at + LEASE_MS);
      const room = maxInFlight - this.inFlight.size;
      if (room <= 0) return;
      for (const id of queue.due(at, room)) {
        const claimed = queue.claim(id, this.owner, at, at + LEASE_MS);
        if (claimed) void this.run(id, claimed);
      }
    } catch (err) {
      onError(err);
    }
  }

  private async run(id: number, row: Row): Promise<void> {
    this.inFlight.add(id);
    try {
      await this.parts.deliver(id, row, this.owner);
    } catch (err) {
      this.parts.onError(err);
    } finally {
      this.inFlight.delete(id);
      this.pump();
    }
  }
}
