import type { TrayProblem } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { registerAlertHandlers } from './alert-handlers';
import { announceAlertChanges } from './alert-changes';
import { AlertLinks } from './alert-links';
import { AlertSources } from './alert-sources';
import { AppSources } from './app-sources';
import type { SourceStatus } from './source-poller';

export interface AlertsAreaOptions {
  env?: NodeJS.ProcessEnv;
}

export interface AlertsDeps {
  incidents: IncidentsPort;
}

// Alert sources from the `sources:` list of the config file and from Settings: polled, notified,
// shown in the tray, acknowledged as Alertmanager silences, and linked to the incidents declared from them.
export function alertsArea(ctx: EngineContext, { incidents }: AlertsDeps, options: AlertsAreaOptions = {}): void {
  const links = new AlertLinks(ctx.db);
  const appSources = new AppSources(ctx.db, ctx.secrets, ctx.now);
  const sources = new AlertSources(ctx, appSources, (changes, status, healthChanged) => announceAlertChanges(ctx, incidents, links, changes, status, healthChanged), options.env);
  registerAlertHandlers(ctx, { incidents, links, appSources, sources });
  sources.start();
  ctx.onClose(() => sources.stop());
  ctx.addTrayProblems(() => trayProblems([...sources.pollers.values()].map((p) => p.current())));
}

function trayProblems(statuses: SourceStatus[]): TrayProblem[] {
  const problems: TrayProblem[] = [];
  for (const s of statuses) {
    if (!s.ok) problems.push({ key: `source:${s.name}`, label: `Source unreachable — ${s.error}`, level: 'unknown', since: s.since, target: { kind: 'source', id: s.name } });
    for (const a of s.alerts.filter((x) => x.state === 'firing')) {
      const since = Date.parse(a.startsAt);
      problems.push({
        key: `alert:${a.source}:${a.key}`,
        label: `${a.name}${a.labels.instance ? ` on ${a.labels.instance}` : ''}`,
        level: a.severity === 'P1' ? 'down' : 'degraded',
        since: Number.isNaN(since) ? s.since : since,
        target: { kind: 'alert', id: `${a.source}/${a.key}` },
      });
    }
  }
  return problems;
}
