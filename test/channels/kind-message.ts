import type { Incident } from '../../preload/contract';
import type { ChannelMessage } from '../../main/engine/channels/kinds/channel-kind';
import type { ChannelEvent } from '../../main/engine/channels/channels-port';

/** An open P1 of the checkout service, declared ten minutes before `now`. */
export function channelIncident(id: number, now: number): Incident {
  return {
    id,
    title: 'Checkout returns 502',
    severity: 'P1',
    status: 'investigating',
    impact: 'Customers cannot pay',
    commander: 'dana',
    service: 'checkout',
    createdAt: now - 600_000,
    updatedAt: now,
    statusChangedAt: now,
    acknowledgedAt: null,
    resolvedAt: null,
    eta: null,
    lastUpdateAt: null,
    roles: {},
    level: null,
  };
}

/** What a channel kind is handed for one event of `incident`, with `changes` applied to it. */
export function kindMessage(incident: Incident, subject: string) {
  return (event: ChannelEvent, text: string, changes: Partial<Incident> = {}): ChannelMessage => ({
    event,
    incident: { ...incident, ...changes },
    text,
    subject,
    dedupeKey: `trayage-${incident.id}`,
  });
}
