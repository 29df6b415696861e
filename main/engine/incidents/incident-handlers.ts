import { incidentsToCsv, incidentsToJson } from './domain/incident-export';
import { incidentMetrics } from './domain/metrics';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import { searchIncidents } from './incident-search';
import type { IncidentService } from './incident-service';
import type { IncidentStore } from './incident-store';
import type { IncidentsPort } from './incidents-port';

export function registerIncidentHandlers(ctx: EngineContext, incidents: IncidentsPort, service: IncidentService, store: IncidentStore, workflow: ActiveWorkflow): void {
  const { registry, actor } = ctx;
  const changed = <T>(id: number, result: T): T => {
    ctx.incidentsChanged(id);
    return result;
  };
  registry.handle('incidents.lifecycle', () => ({
    statuses: workflow.lifecycle().statuses,
    scheme: workflow.scheme(),
    severities: workflow.scheme().levels,
  }));
  registry.handle('incidents.list', (p) => service.summaries(p.status, p.limit));
  registry.handle('incidents.get', (p) => service.detail(p.id));
  registry.handle('incidents.timeline', (p) => {
    store.get(p.id);
    return store.timelineBefore(p.id, p.beforeId, p.limit);
  });
  registry.handle('incidents.declare', (p) => incidents.declare(p));
  registry.handle('incidents.change', ({ id, ...change }) => changed(id, service.change(id, change, actor)));
  registry.handle('incidents.setStatus', (p) => incidents.setStatus(p.id, p.status, p.note));
  // A person's note, unlike the port's notes from other areas' work (see IncidentsPort.addNote).
  registry.handle('incidents.addNote', (p) => changed(p.id, service.addNote(p.id, p.text, actor)));
  registry.handle('incidents.snoozeTimer', (p) => changed(p.id, service.snoozeTimer(p.id, p.kind, p.minutes, actor)));
  registry.handle('incidents.escalate', (p) => changed(p.id, service.escalate(p.id, p.to, p.note, actor)));
  registry.handle('incidents.relapse', (p) => incidents.relapse(p.id, p.what));
  registry.handle('incidents.search', (p) => searchIncidents(ctx.db, p));
  registry.handle('incidents.metrics', (p) => {
    const inPeriod = store.list(null, 100_000).filter((i) => i.createdAt >= p.from && i.createdAt < p.to);
    return incidentMetrics(inPeriod, p.from, p.to, workflow.scheme().levels.map((l) => l.key));
  });
  registry.handle('incidents.export', (p) => {
    const all = store.list(null, 100_000).filter((i) => (p.from === undefined || i.createdAt >= p.from) && (p.to === undefined || i.createdAt < p.to));
    const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
    if (p.format === 'csv') return { filename: `trayage-incidents-${stamp}.csv`, mime: 'text/csv', content: incidentsToCsv(all) };
    const timelines = new Map(all.map((i) => [i.id, store.timeline(i.id)]));
    return { filename: `trayage-incidents-${stamp}.json`, mime: 'application/json', content: incidentsToJson(all, ctx.now(), timelines) };
  });
}
