import type { Incident } from '../../../preload/contract';
import type { IncidentsPort } from '../incidents/incidents-port';
import type { ChannelOutboxStore } from './channel-outbox-store';
import type { ChannelStore } from './channel-store';
import type { ChannelEvent, ChannelsPort } from './channels-port';
import { defaultSubject, followText } from './domain/attempt-entries';

export interface FollowParts {
  incidents: IncidentsPort;
  channels: ChannelStore;
  outbox: ChannelOutboxStore;
  port: ChannelsPort;
  reportError: (where: string, err: unknown) => void;
}

/**
 * Channels whose kind follows incidents hear of their events without anyone asking: a declaration,
 * a status change, a person's update, a resolve. A resolve goes only to channels told of the
 * incident before, so nothing is "closed" on a service that never heard of it.
 */
export function followIncidents({ incidents, channels, outbox, port, reportError }: FollowParts) {
  const tell = (event: ChannelEvent, incident: Incident, text: string, except: number | null, actor?: string) => {
    for (const summary of channels.list()) {
      if (summary.id === except) continue;
      try {
        const channel = channels.load(summary.id);
        if (!channel.kind.follows.includes(event)) continue;
        const message = { event, incident, text, subject: defaultSubject(event, incident), dedupeKey: `trayage-${incident.id}` };
        if (channel.kind.wants && !channel.kind.wants(message, channel.config)) continue;
        if (event === 'resolved' && !outbox.toldBefore(channel.id, incident.id)) continue;
        port.send({ channelId: channel.id, incidentId: incident.id, event, text, actor });
      } catch (err) {
        // Listeners must not throw into the change that called them: it is already committed.
        reportError(`channel ${summary.name}: following incident #${incident.id}`, err);
      }
    }
  };
  incidents.onDeclared((incident) => tell('declared', incident, followText('declared', incident), null));
  incidents.onChanged((after, before, note) => {
    if (before.resolvedAt === null && after.resolvedAt !== null) tell('resolved', after, followText('resolved', after, before, note), null);
    else if (after.status !== before.status) tell('status', after, followText('status', after, before, note), null);
  });
  return {
    /** A person's update, already sent to `except` (or copied): channels following updates get it too. */
    updated: (incident: Incident, text: string, except: number | null, actor: string) => tell('update', incident, text, except, actor),
  };
}
