import type { TrayTarget } from '../../../preload/contract';
import { type Claim, LeasedPump, type Together } from '../lib/outbox/leased-pump';
import type { Deliver } from './delivery-types';
import { summaryOf } from './notice-summary';
import type { BrowserNoticeRow, ClaimedNotice, OutboxStore } from './outbox-store';

export { LEASE_MS } from '../lib/outbox/leased-pump';
const RETRY_DELAYS_MS = [2_000, 10_000, 60_000, 300_000];
const MAX_ATTEMPTS = 8;
// A bound on notices being shown at once when many are due together.
const MAX_IN_FLIGHT = 4;
// At most this many notices alone within a gap; beyond that, those due are collected for a second
// and shown as one summary, at most one per gap, so a hundred monitors going down together make a
// few notices instead of a hundred.
export const ALONE_PER_GAP = 4;
export const SUMMARY_COLLECT_MS = 1_000;
export const SUMMARY_GAP_MS = 5_000;
const SUMMARY_LIMIT = 1_000;

export interface DeliveryParts {
  store: OutboxStore;
  deliver: Deliver;
  now: () => number;
  soundFor: (severity: string | null) => string | boolean;
  onClick: (target: TrayTarget | undefined) => void;
  // A notice now waiting for the browser pages (no desktop daemon).
  onBrowser: (row: BrowserNoticeRow) => void;
  // Outcomes of a delivery were recorded.
  onRecorded: () => void;
  onError: (err: unknown) => void;
  summaries: boolean;
}

/** Delivers the notices outbox for one engine: a notice alone or a summary of many, a back-off after a failure. */
export class OutboxDelivery {
  private readonly pumper: LeasedPump<ClaimedNotice>;

  constructor(private readonly parts: DeliveryParts) {
    this.pumper = new LeasedPump({
      queue: parts.store,
      now: parts.now,
      maxInFlight: MAX_IN_FLIGHT,
      deliver: (id, row, owner) => this.deliverClaimed([{ id, row }], owner),
      together: parts.summaries ? this.summaries() : undefined,
      onError: parts.onError,
    });
  }

  stop(): void {
    this.pumper.stop();
  }

  private summaries(): Together<ClaimedNotice> {
    return {
      queue: this.parts.store,
      alonePerGap: ALONE_PER_GAP,
      limit: SUMMARY_LIMIT,
      collectMs: SUMMARY_COLLECT_MS,
      gapMs: SUMMARY_GAP_MS,
      deliver: (claims, owner) => this.deliverClaimed(claims, owner),
    };
  }

  /** Claims and starts what is due now, up to the in-flight bound; never throws. */
  pump(): void {
    this.pumper.pump();
  }

  // One notice, or a summary standing for several; every row shares the outcome.
  private async deliverClaimed(claims: Claim<ClaimedNotice>[], owner: string): Promise<void> {
    const { store, deliver, now, soundFor, onClick, onBrowser, onRecorded } = this.parts;
    const rows = claims.map((claim) => claim.row);
    let failure: unknown = null;
    let browserReason: string | null = null;
    try {
      const single = rows.length === 1 ? rows[0] : null;
      const { delivery, target } = single
        ? { delivery: { title: single.title, body: single.body, sound: soundFor(single.severity) }, target: single.target ? (JSON.parse(single.target) as TrayTarget) : undefined }
        : summaryOf(rows, soundFor);
      const outcome = await deliver(delivery, () => onClick(target));
      if (outcome?.route === 'browser') browserReason = outcome.reason;
    } catch (err) {
      failure = err ?? new Error('the notification was not delivered');
    }
    // An outcome after the engine closed is not recorded: the lease runs out and the next engine
    // shows the notice again, as whether it was shown cannot be known.
    if (!store.open) return;
    const handed: BrowserNoticeRow[] = [];
    store.inOneWrite(() => {
      for (const { id, row } of claims) {
        if (browserReason !== null) {
          const given = store.toBrowser(id, owner, browserReason);
          if (given) handed.push(given);
        } else if (failure === null) store.markSent(id, now(), claims.length > 1 ? claims.length : null);
        else {
          const retryAt = row.attempts >= MAX_ATTEMPTS ? null : now() + RETRY_DELAYS_MS[Math.min(row.attempts - 1, RETRY_DELAYS_MS.length - 1)];
          store.markFailed(id, owner, (failure as Error).message ?? String(failure), retryAt);
        }
      }
    });
    // The pages keep their own account of notices (banners, a count), so each goes to them as itself.
    for (const row of handed) onBrowser(row);
    onRecorded();
  }
}
