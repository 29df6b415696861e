import type { TrayTarget } from '../../../preload/contract';
import { LeasedPump } from '../lib/outbox/leased-pump';
import type { Deliver } from './delivery-types';
import type { BrowserNoticeRow, ClaimedNotice, OutboxStore } from './outbox-store';

export { LEASE_MS } from '../lib/outbox/leased-pump';
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000];
const MAX_ATTEMPTS = 8;
// A bound on notices being shown at once when many are due together.
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

/** Delivers the notices outbox for one engine: one delivery per claim, a back-off after a failure. */
export class OutboxDelivery {
  private readonly pumper: LeasedPump<ClaimedNotice>;

  constructor(private readonly parts: DeliveryParts) {
    this.pumper = new LeasedPump({
      queue: parts.store,
      now: parts.now,
      maxInFlight: MAX_IN_FLIGHT,
      deliver: (id, row, owner) => this.deliverClaimed(id, row, owner),
      onError: parts.onError,
    });
  }

  stop(): void {
    this.pumper.stop();
  }

  /** Claims and starts what is due now, up to the in-flight bound; never throws. */
  pump(): void {
    this.pumper.pump();
  }

  private async deliverClaimed(id: number, row: ClaimedNotice, owner: string): Promise<void> {
    const { store, deliver, now, soundFor, onClick, onBrowser } = this.parts;
    let failure: unknown = null;
    let browserReason: string | null = null;
    try {
      const target = row.target ? (JSON.parse(row.target) as TrayTarget) : undefined;
      const outcome = await deliver({ title: row.title, body: row.body, sound: soundFor(row.severity) }, () => onClick(target));
      if (outcome?.route === 'browser') browserReason = outcome.reason;
    } catch (err) {
      failure = err ?? new Error('the notification was not delivered');
    }
    // An outcome after the engine closed is not recorded: the lease runs out and the next engine
    // shows the notice again, as whether it was shown cannot be known.
    if (!store.open) return;
    if (browserReason !== null) {
      const handed = store.toBrowser(id, owner, browserReason);
      if (handed) onBrowser(handed);
    } else if (failure === null) store.markSent(id, now());
    else {
      const retryAt = row.attempts >= MAX_ATTEMPTS ? null : now() + RETRY_DELAYS_MS[Math.min(row.attempts - 1, RETRY_DELAYS_MS.length - 1)];
      store.markFailed(id, owner, (failure as Error).message ?? String(failure), retryAt);
    }
  }
}
