import type { Incident } from '../../../preload/contract';
import type { IncidentsPort } from '../incidents/incidents-port';
import { LeasedPump } from '../lib/outbox/leased-pump';
import type { ChannelOutboxStore, ClaimedDelivery } from './channel-outbox-store';
import type { ChannelStore } from './channel-store';
import { type Attempt, defaultSubject, failedEntry, sentEntry } from './domain/attempt-entries';
import { CHANNEL_MAX_ATTEMPTS, nextAttemptAt } from './domain/retry-plan';
import type { SendOutcome } from './kinds/channel-kind';

// A bound on requests in flight at once when many messages are due together.
const MAX_IN_FLIGHT = 4;

export type FirstOutcome = { outcome: SendOutcome; willRetry: boolean };

export interface ChannelDeliveryParts {
  store: ChannelOutboxStore;
  channels: ChannelStore;
  incidents: IncidentsPort;
  now: () => number;
  timeoutMs: number;
  delivered: (incident: Incident, channelId: number, ok: boolean) => void;
  onError: (err: unknown) => void;
}

/**
 * Delivers the channel outbox for one engine, one send per claim. The outcome, the kind's memory and
 * the timeline entry are recorded only while the lease is still ours; a send whose engine closed
 * before it answered is left to the lease, and the next engine sends it again with the same dedupe
 * key, so the receiver updates rather than duplicates.
 */
export class ChannelDelivery {
  private readonly pumper: LeasedPump<ClaimedDelivery>;
  private readonly waiters = new Map<number, ((first: FirstOutcome) => void)[]>();

  constructor(
    private readonly parts: ChannelDeliveryParts,
    running: boolean,
  ) {
    this.pumper = new LeasedPump(
      { queue: parts.store, now: parts.now, maxInFlight: MAX_IN_FLIGHT, deliver: (_id, row, owner) => this.deliverClaimed(row, owner), onError: parts.onError },
      running,
    );
  }

  get delivering(): boolean {
    return this.pumper.isRunning;
  }

  /** Whether this engine is sending the delivery right now (so its outcome is near). */
  sending(id: number): boolean {
    return this.pumper.delivering(id);
  }

  stop(): void {
    this.pumper.stop();
    for (const resolvers of this.waiters.values()) for (const resolve of resolvers) resolve({ outcome: { ok: false, error: 'Trayage stopped before the answer came; the message is sent again when Trayage runs.', retry: true }, willRetry: true });
    this.waiters.clear();
  }

  /** The outcome of the delivery's next attempt made by this engine, or null when none came within `waitMs`. */
  nextOutcome(id: number, waitMs: number): Promise<FirstOutcome | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        const list = this.waiters.get(id);
        if (list) this.waiters.set(id, list.filter((r) => r !== settle));
        resolve(null);
      }, waitMs);
      timer.unref?.();
      const settle = (first: FirstOutcome) => {
        clearTimeout(timer);
        resolve(first);
      };
      this.waiters.set(id, [...(this.waiters.get(id) ?? []), settle]);
    });
  }

  /** Claims and starts what is due now, up to the in-flight bound; never throws. */
  pump(): void {
    this.pumper.pump();
  }

  private async deliverClaimed(row: ClaimedDelivery, owner: string): Promise<void> {
    const { store, channels, incidents, now, timeoutMs } = this.parts;
    let name = `channel #${row.channelId}`;
    let outcome: SendOutcome;
    let incident: Incident | null = null;
    try {
      const channel = channels.load(row.channelId);
      name = channel.name;
      incident = incidents.get(row.incidentId);
      const message = {
        event: row.event,
        incident,
        text: row.text,
        subject: row.subject ?? defaultSubject(row.event, incident),
        recipient: row.recipient ?? undefined,
        dedupeKey: `trayage-${row.incidentId}`,
        delivery: { id: row.id, attempt: row.attempts },
      };
      const secrets = channels.secretsOf(channel.id, channel.kind);
      const memory = store.memory(row.channelId, row.incidentId);
      outcome = await channel.kind.send(message, channel.config, secrets, memory, { timeoutMs, now, channelName: channel.name });
    } catch (err) {
      // A kind that throws, or settings this version cannot read: said once, not retried blindly.
      outcome = { ok: false, error: `${name} failed: ${(err as Error)?.message ?? String(err)}`, retry: false };
    }
    // An outcome after the engine closed is not recorded: the lease runs out and the next engine sends again.
    if (!store.open || !this.pumper.isRunning) return;
    const at = now();
    const attempt: Attempt = { deliveryId: row.id, channelId: row.channelId, channel: name, event: row.event, text: row.text, recipient: row.recipient, templateId: row.templateId, attempt: row.attempts };
    let retryAt: number | null = null;
    if (outcome.ok) {
      if (!store.markSent(row.id, owner, at, outcome.summary, { channelId: row.channelId, incidentId: row.incidentId, memory: outcome.memory, link: outcome.link })) return;
      const entry = sentEntry(attempt, outcome.summary);
      incidents.record(row.incidentId, entry.kind, entry.text, entry.data, row.actor);
    } else {
      retryAt = nextAttemptAt(row.attempts, outcome.retry, at);
      if (!store.markFailed(row.id, owner, at, outcome.error, retryAt)) return;
      const entry = failedEntry(attempt, outcome.error, retryAt, outcome.retry, CHANNEL_MAX_ATTEMPTS);
      incidents.record(row.incidentId, entry.kind, entry.text, entry.data, row.actor);
    }
    for (const resolve of this.waiters.get(row.id) ?? []) resolve({ outcome, willRetry: retryAt !== null });
    this.waiters.delete(row.id);
    if (incident) this.parts.delivered(incidents.get(row.incidentId), row.channelId, outcome.ok);
  }
}
