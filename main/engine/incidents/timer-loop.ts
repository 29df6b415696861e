import { escalationSummary, escalationTargets } from './domain/contacts';
import { snoozesFromTimeline } from './domain/incident-events';
import { openStatusKeys } from './domain/lifecycle';
import { TIMER_TIMELINE_KINDS } from './incident-service';
import { timerNotice } from './domain/timer-notifications';
import { dueNotifications } from './domain/timers';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import type { IncidentStore } from './incident-store';

const RECENTLY_RESOLVED_MS = 7 * 86_400_000;

// Raises a native notification for every incident timer that fell due since the last check.
// The last check time is stored per incident, so timers that fell due while the app was closed fire once on start.
export function checkIncidentTimers(ctx: EngineContext, store: IncidentStore, workflow: ActiveWorkflow): number {
  const now = ctx.now();
  const lifecycle = workflow.lifecycle();
  const hours = workflow.businessHours();
  let fired = 0;
  // One write transaction for the whole pass, not one per incident.
  store.transaction(() => {
    for (const incident of store.listWithTimers(openStatusKeys(lifecycle), now - RECENTLY_RESOLVED_MS)) {
      // The incident's own level: timers keep the numbers it was rated with.
      const level = incident.level ?? undefined;
      const prev = store.timersCheckedAt(incident.id) ?? incident.createdAt;
      if (now <= prev) continue;
      const timeline = store.timelineOfKinds(incident.id, TIMER_TIMELINE_KINDS);
      for (const timer of dueNotifications(prev, now, incident, level, timeline, snoozesFromTimeline(timeline), lifecycle, hours)) {
        const contacts = timer.kind === 'escalation' && level ? escalationSummary(escalationTargets(level, workflow.contacts())) : [];
        const notice = timerNotice(incident, timer, now, contacts);
        ctx.notifier.notify({
          key: `incident:${incident.id}:${timer.kind}:${timer.dueAt}`,
          title: notice.title,
          body: notice.body,
          severity: incident.severity,
          target: { kind: 'incident', id: String(incident.id) },
          scope: `incident:${incident.id}`,
        });
        fired++;
      }
      store.markTimersChecked(incident.id, now);
    }
  });
  if (fired > 0) ctx.trayChanged();
  return fired;
}
