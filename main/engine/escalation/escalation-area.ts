import type { NextEscalation } from '../../../preload/contract';
import type { ChannelsPort } from '../channels/channels-port';
import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { registerEscalationHandlers } from './escalation-handlers';
import { EscalationService } from './escalation-service';
import { EscalationStore } from './escalation-store';
import { announceHandoff } from './handoff-notices';
import { OnCall } from './on-call';

/** "L2 (Lee Park) by Pager": who the next step reaches, and how. */
export function nextLabel(next: NextEscalation): string {
  const who = next.to.toLowerCase() === 'on-call' ? 'the on-call' : next.to;
  return `${who}${next.people.length ? ` (${next.people.join(', ')})` : ''}${next.channel ? ` by ${next.channel}` : ''}`;
}

export interface EscalationAreaOptions {
  checkMs?: number;
  calendarTimeoutMs?: number;
}

/**
 * Escalation chains and on call. Channels are optional: without them every step is a desktop
 * notice, and a step naming a channel says in the timeline that it could not page.
 */
export function escalationArea(
  ctx: EngineContext,
  { incidents, channels }: { incidents: IncidentsPort; channels?: ChannelsPort },
  options: EscalationAreaOptions = {},
): void {
  const store = new EscalationStore(ctx.db);
  const onCall = new OnCall(ctx.settings, () => incidents.businessHours().timeZone, ctx.now, options.calendarTimeoutMs);
  const service = new EscalationService(ctx, { incidents, channels, store, onCall });
  incidents.onDeclared((incident) => service.follow(incident));
  incidents.onChanged((after, before) => service.changed(after, before));
  registerEscalationHandlers(ctx, { incidents, service, store, onCall });
  ctx.decorateTray((state) => {
    const current = onCall.turns().turns.current;
    return {
      ...state,
      ...(current ? { onCall: { person: current.person, until: current.until } } : {}),
      openIncidents: state.openIncidents.map((item) => {
        const next = store.isFollowed(item.id) ? service.next(incidents.get(item.id)) : null;
        return next ? { ...item, nextEscalation: { label: nextLabel(next), dueAt: next.dueAt } } : item;
      }),
    };
  });
  ctx.every(options.checkMs ?? 5_000, async () => {
    await onCall.refresh();
    service.check();
    announceHandoff(ctx, store, onCall);
  });
}
