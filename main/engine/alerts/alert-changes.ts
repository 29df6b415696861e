import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import type { AlertChanges, PolledAlert } from './domain/alert-model';
import { firingNotice, resolvedNotice } from './domain/alert-notices';
import type { AlertLinks } from './alert-links';
import type { SourceStatus } from './source-poller';

// What a poll found new: a notice per firing or resolved alert and per change of a source's health,
// and a timeline entry on every incident linked to the alert. Keys name the episode (the alert's
// own start), so a notice is recorded once however often the same state is seen.
export function announceAlertChanges(ctx: EngineContext, incidents: IncidentsPort, links: AlertLinks, changes: AlertChanges, status: SourceStatus, healthChanged: boolean): void {
  for (const alert of changes.firing) {
    const { title, body } = firingNotice(alert);
    ctx.notifier.notify({
      key: `alert:${alert.source}:${alert.key}:firing:${alert.startsAt}`,
      title,
      body,
      severity: alert.severity ?? undefined,
      target: { kind: 'alert', id: `${alert.source}/${alert.key}` },
      scope: `source:${alert.source}`,
    });
    noteLinked(ctx, incidents, links, alert, `Alert ${alert.name} is firing (${alert.source})`);
  }
  for (const alert of changes.resolved) {
    const { title, body } = resolvedNotice(alert, ctx.now());
    ctx.notifier.notify({ key: `alert:${alert.source}:${alert.key}:resolved:${alert.startsAt}`, title, body, severity: alert.severity ?? undefined, scope: `source:${alert.source}` });
    noteLinked(ctx, incidents, links, alert, `Alert ${alert.name} resolved (${alert.source})`);
  }
  if (healthChanged) {
    ctx.notifier.notify({
      key: `source:${status.name}:${status.ok ? 'ok' : 'down'}:${status.since}`,
      title: status.ok ? `Alert source ${status.name} is reachable again` : `Alert source ${status.name} is unreachable`,
      body: status.error ?? 'Polling again.',
      scope: `source:${status.name}`,
    });
  }
  if (changes.firing.length || changes.resolved.length || healthChanged) {
    ctx.emit('alerts.changed', { source: status.name });
    ctx.trayChanged();
  }
}

// A linked incident that was deleted must not stop the notices of the other alerts.
function noteLinked(ctx: EngineContext, incidents: IncidentsPort, links: AlertLinks, alert: PolledAlert, text: string): void {
  for (const id of links.incidents(alert.source, alert.key)) {
    try {
      incidents.addNote(id, text);
    } catch (err) {
      ctx.reportError(`timeline of incident #${id} for alert ${alert.name}`, err);
    }
  }
}
