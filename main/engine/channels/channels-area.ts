import type { Incident } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { ChannelDelivery } from './channel-delivery';
import { followIncidents } from './channel-follows';
import { registerChannelHandlers } from './channel-handlers';
import { ChannelOutboxStore } from './channel-outbox-store';
import { ChannelStore } from './channel-store';
import type { ChannelsPort } from './channels-port';

export interface ChannelsAreaOptions {
  // How long one request to a channel may take before it counts as failed (and is retried).
  timeoutMs?: number;
  // How soon due retries, expired leases and messages queued by another process are picked up.
  sweepEveryMs?: number;
}

export function channelsArea(ctx: EngineContext, { incidents }: { incidents: IncidentsPort }, options: ChannelsAreaOptions = {}): ChannelsPort {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const channels = new ChannelStore(ctx.db, ctx.secrets, ctx.now);
  const outbox = new ChannelOutboxStore(ctx.db);
  const deliveredListeners: ((incident: Incident, channelId: number, ok: boolean) => void)[] = [];
  const delivery = new ChannelDelivery(
    {
      store: outbox,
      channels,
      incidents,
      now: ctx.now,
      timeoutMs,
      delivered: (incident, channelId, ok) => {
        for (const listener of deliveredListeners) listener(incident, channelId, ok);
      },
      onError: (err) => ctx.reportError('channel delivery', err),
    },
    ctx.background,
  );

  const port: ChannelsPort = {
    send(request) {
      // Both checked now, so a caller hears of a wrong id at once rather than in a failed delivery.
      const channel = channels.get(request.channelId);
      const incident = incidents.get(request.incidentId);
      const deliveryId = outbox.record({
        channelId: channel.id,
        incidentId: incident.id,
        event: request.event,
        text: request.text,
        subject: request.subject ?? null,
        recipient: request.recipient ?? null,
        actor: request.actor ?? ctx.actor,
        templateId: request.templateId ?? null,
        at: ctx.now(),
      });
      delivery.pump();
      return { deliveryId };
    },
    list: () => channels.list().map(({ id, name, kind }) => ({ id, name, kind })),
    onDelivered: (listener) => deliveredListeners.push(listener),
  };

  const follows = followIncidents({ incidents, channels, outbox, port, reportError: ctx.reportError });
  registerChannelHandlers(ctx, { channels, outbox, delivery, incidents, port, follows, answerWithinMs: timeoutMs + 2_000 });
  ctx.every(options.sweepEveryMs ?? 1_000, () => delivery.pump());
  ctx.onClose(() => delivery.stop());
  delivery.pump();
  return port;
}
