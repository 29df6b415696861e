import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { TrayTarget } from '../../../preload/contract';
import type { Deliver } from './deliver';
import type { BrowserNoticeRow, ClaimedNotice, OutboxStore } from './outbox-store';

// Long enough to outlast a stalled event loop, short enough that a crashed engine's notice still
// shows within a minute; a live holder renews it every sweep, so a slow delivery never loses it.
export const LEASE_MS = 30_000;
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000];
const MAX_ATTEMPTS = 8;
// A bound on notify-send processes at once when many notices are due together.
const MAX_IN_FLIGHT = 4;

export interface DeliveryParts {
  store: OutboxStore;
  deliver: Deliver;
  now: () => number;
  soundFor: (severity: string | null) => string | boolean;
  onClick: (target: TrayTarget | undefined) => void;
  // A notice now waiting for the browser pages (no desktop daemon).
  onBrowser: (row: BrowserNoticeRow) => void;
  onError: (err: unknown) => void;
}

/**
 * Delivers the outbox for one engine: rows it claims, one delivery per claim. A failed delivery
 * waits for its back-off; a row another engine holds waits until that lease runs out.
 */
export class OutboxDelivery {
  // Unique per engine, even for two in one process; readable in the table when diagnosing.
  private readonly owner = `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly inFlight = new Set<number>();
  private running = true;

  constructor(private readonly parts: DeliveryParts) {}

  stop(): void {
    this.running = false;
  }

  /** Claims and starts what is due now, up to the in-flight bound; never throws. */
  pump(): void {
    if (!this.running || !this.parts.store.open) return;
    try {
      const { store, now } = this.parts;
      const at = now();
      // Renewed first, so our own slow deliveries never look abandoned to the query below.
      if (this.inFlight.size > 0) store.renew(this.owner, at + LEASE_MS);
      const room = MAX_IN_FLIGHT - this.inFlight.size;
      if (room <= 0) return;
      for (const id of store.due(at, room)) {
        const claimed = store.claim(id, this.owner, at, at + LEASE_MS);
        if (claimed) void this.deliverClaimed(id, claimed);
      }
    } catch (err) {
      this.parts.onError(err);
    }
  }

  private async deliverClaimed(id: number, row: ClaimedNotice): Promise<void> {
    const { store, deliver, now, soundFor, onClick, onBrowser, onError } = this.parts;
    this.inFlight.add(id);
    let failure: unknown = null;
    let browserReason: string | null = null;
    try {
      const target = row.target ? (JSON.parse(row.target) as TrayTarget) : undefined;
      const outcome = await deliver({ title: row.title, body: row.body, sound: soundFor(row.severity) }, () => onClick(target));
      if (outcome?.route === 'browser') browserReason = outcome.reason;
    } catch (err) {
      failure = err ?? new Error('the notification was not delivered');
    }
    try {
      // An outcome after the engine closed is not recorded: the lease runs out and the next engine
      // shows the notice again, as whether it was shown cannot be known.
      if (!store.open) return;
      if (browserReason !== null) {
        const handed = store.toBrowser(id, this.owner, browserReason);
        if (handed) onBrowser(handed);
      } else if (failure === null) store.markSent(id, now());
      else {
        const retryAt = row.attempts >= MAX_ATTEMPTS ? null : now() + RETRY_DELAYS_MS[Math.min(row.attempts - 1, RETRY_DELAYS_MS.length - 1)];
        store.markFailed(id, this.owner, (failure as Error).message ?? String(failure), retryAt);
      }
    } catch (err) {
      onError(err);
    } finally {
      this.inFlight.delete(id);
      this.pump();
    }
  }
}
