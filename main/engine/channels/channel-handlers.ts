import type { DeliveryResult } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import { planUpdateSent } from '../incidents/domain/incident-events';
import type { IncidentsPort } from '../incidents/incidents-port';
import type { ChannelDelivery } from './channel-delivery';
import type { ChannelOutboxStore } from './channel-outbox-store';
import type { ChannelStore } from './channel-store';
import type { ChannelsPort } from './channels-port';
import { pageText } from './domain/attempt-entries';
import { HTTP_PRESETS } from './kinds/http-presets';

export interface ChannelHandlerParts {
  channels: ChannelStore;
  outbox: ChannelOutboxStore;
  delivery: ChannelDelivery;
  incidents: IncidentsPort;
  port: ChannelsPort;
  follows: { updated: (incident: ReturnType<IncidentsPort['get']>, text: string, except: number | null, actor: string) => void };
  // How long a window waits for the first attempt before it is told the message is queued.
  answerWithinMs: number;
}

export function registerChannelHandlers(ctx: EngineContext, parts: ChannelHandlerParts): void {
  const { registry, actor } = ctx;
  const { channels, outbox, delivery, incidents, port, follows } = parts;

  // The first attempt's outcome when this engine makes it soon; otherwise the message is queued.
  const answer = async (deliveryId: number, text: string): Promise<DeliveryResult> => {
    if (!delivery.delivering) {
      return { ok: true, state: 'queued', summary: 'recorded; the running Trayage (app or serve) sends it', text, deliveryId };
    }
    // Not claimed at once: an earlier message to the channel for this incident goes first.
    const first = delivery.sending(deliveryId) ? await delivery.nextOutcome(deliveryId, parts.answerWithinMs) : null;
    if (first === null) return { ok: true, state: 'queued', summary: 'queued behind an earlier message to this channel, or still being sent', text, deliveryId };
    if (first.outcome.ok) return { ok: true, state: 'sent', summary: first.outcome.summary, text, deliveryId };
    return { ok: false, error: first.outcome.error, text, deliveryId, willRetry: first.willRetry };
  };

  registry.handle('channels.list', () => channels.list());
  registry.handle('channels.save', (p) => channels.save(p));
  registry.handle('channels.delete', (p) => ({ deleted: channels.delete(p.id) }));
  registry.handle('channels.presets', () => HTTP_PRESETS.map((preset) => ({ ...preset, headers: { ...preset.headers }, resolve: { ...preset.resolve } })));
  registry.handle('channels.links', (p) => outbox.links(incidents.get(p.incidentId).id));

  registry.handle('updates.post', async (p) => {
    const incident = incidents.get(p.incidentId);
    if (p.channelId === null) {
      const [entry] = planUpdateSent('clipboard', p.text, actor, ctx.now(), p.templateId).entries;
      incidents.record(incident.id, entry.kind, entry.text, entry.data as Record<string, unknown>, actor);
      follows.updated(incident, p.text, null, actor);
      return { ok: true as const, state: 'sent' as const, summary: 'copied and recorded', text: p.text, deliveryId: null };
    }
    const { deliveryId } = port.send({ channelId: p.channelId, incidentId: incident.id, event: 'update', text: p.text, actor, templateId: p.templateId });
    follows.updated(incident, p.text, p.channelId, actor);
    return answer(deliveryId, p.text);
  });

  registry.handle('channels.page', async (p) => {
    const incident = incidents.get(p.incidentId);
    const text = p.text || pageText(incident, p.recipient);
    const { deliveryId } = port.send({ channelId: p.channelId, incidentId: incident.id, event: 'page', text, recipient: p.recipient, actor });
    return answer(deliveryId, text);
  });
}
