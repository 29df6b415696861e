import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { RpcFailure } from '../rpc/rpc-failure';
import type { AlertLinks } from './alert-links';
import type { AlertSources } from './alert-sources';
import type { AppSources } from './app-sources';
import type { PolledAlert } from './domain/alert-model';
import type { SourcePoller } from './source-poller';

interface Parts {
  incidents: IncidentsPort;
  links: AlertLinks;
  appSources: AppSources;
  sources: AlertSources;
}

export function registerAlertHandlers(ctx: EngineContext, { incidents, links, appSources, sources }: Parts): void {
  const { registry } = ctx;
  const find = (source: string, key: string): { poller: SourcePoller; alert: PolledAlert } => {
    const poller = sources.pollers.get(source);
    if (!poller) throw new RpcFailure('not_found', `There is no alert source named '${source}'.`);
    const alert = poller.current().alerts.find((a) => a.key === key);
    if (!alert) throw new RpcFailure('not_found', `Alert ${key} is no longer reported by ${source}; it may have resolved.`);
    return { poller, alert };
  };

  registry.handle('alerts.list', () => ({
    configError: sources.configError,
    sources: [...sources.pollers.values()].map((p) => {
      const s = p.current();
      return {
        name: s.name,
        kind: s.kind,
        ok: s.ok,
        error: s.error,
        since: s.since,
        lastPollAt: s.lastPollAt,
        canSilence: p.kind.silencing !== undefined,
        origin: sources.origin.get(s.name) ?? 'file',
        target: p.kind.target(p.def),
      };
    }),
    alerts: [...sources.pollers.values()].flatMap((p) => p.current().alerts.map((a) => ({ ...a, incidentIds: links.incidents(a.source, a.key) }))),
  }));
  registry.handle('sources.save', (p) => {
    const def = appSources.save(p, sources.fileNames());
    sources.apply();
    return { name: def.name };
  });
  registry.handle('sources.delete', (p) => {
    if (sources.origin.get(p.name) === 'file') throw new RpcFailure('conflict', `'${p.name}' is defined in the config file; remove it there.`);
    const deleted = appSources.delete(p.name);
    sources.apply();
    return { deleted };
  });
  registry.handle('alerts.refresh', async () => {
    await Promise.all([...sources.pollers.values()].map((p) => p.pollOnce()));
    return { polled: sources.pollers.size };
  });
  // Acknowledging an alert acknowledges the incidents it is linked to: the person has seen it.
  registry.handle('alerts.ack', async (p) => {
    const { poller, alert } = find(p.source, p.key);
    const silenceId = await poller.silence(alert, p.minutes * 60_000, ctx.actor, p.comment).catch((err: Error) => {
      throw new RpcFailure('unavailable', `Could not create the silence: ${err.message}`);
    });
    const endsAt = ctx.now() + p.minutes * 60_000;
    const linked = new Set([...links.incidents(alert.source, alert.key), ...(p.incidentId ? [p.incidentId] : [])]);
    for (const id of linked) {
      incidents.addNote(id, `Acknowledged alert ${alert.name} (${alert.source}) as silence ${silenceId} until ${new Date(endsAt).toISOString()}: ${p.comment}`);
      incidents.acknowledge(id);
    }
    void poller.pollOnce();
    return { silenceId, endsAt };
  });
  registry.handle('alerts.unsilence', async (p) => {
    const poller = sources.pollers.get(p.source);
    if (!poller) throw new RpcFailure('not_found', `There is no alert source named '${p.source}'.`);
    await poller.unsilence(p.silenceId).catch((err: Error) => {
      throw new RpcFailure('unavailable', `Could not expire silence ${p.silenceId}: ${err.message}`);
    });
    if (p.incidentId) incidents.addNote(p.incidentId, `Expired silence ${p.silenceId} (${p.source})`);
    void poller.pollOnce();
    return { expired: true };
  });
  registry.handle('alerts.declare', (p) => {
    const { alert } = find(p.source, p.key);
    const incident = incidents.declare({
      title: alert.annotations.summary ? `${alert.name}: ${alert.annotations.summary}`.slice(0, 200) : alert.name,
      severity: alert.severity ?? 'P2',
      service: alert.labels.service ?? alert.labels.job ?? alert.labels.repository ?? '',
      impact: alert.annotations.description ?? '',
    });
    links.link(alert.source, alert.key, incident.id, ctx.now());
    const details = [
      `Declared from alert ${alert.name} (${alert.source}), firing since ${alert.startsAt}`,
      alert.url ? `Runbook: ${alert.url}` : '',
      `Labels: ${Object.entries(alert.labels).map(([k, v]) => `${k}=${v}`).join(', ')}`,
    ].filter(Boolean);
    incidents.addNote(incident.id, details.join('\n'));
    return incident;
  });
}
