import type { Incident } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import type { ChecklistStore } from './checklist-store';
import type { IncidentService } from './incident-service';
import type { IncidentStore } from './incident-store';
import type { IncidentsPort } from './incidents-port';

interface Parts {
  service: IncidentService;
  store: IncidentStore;
  checklists: ChecklistStore;
  workflow: ActiveWorkflow;
}

// The incidents area's operations, announced to windows and the tray as they happen; the handlers
// and the other areas both go through here.
export function incidentOperations(ctx: EngineContext, { service, store, checklists, workflow }: Parts): IncidentsPort {
  const declaredListeners: ((incident: Incident) => void)[] = [];
  const changed = <T>(id: number | null, result: T): T => {
    ctx.incidentsChanged(id);
    return result;
  };
  return {
    declare(request, actor = ctx.actor) {
      const incident = service.declare(
        { title: request.title, severity: request.severity, impact: request.impact ?? '', commander: request.commander ?? '', service: request.service ?? '' },
        actor,
      );
      for (const listener of declaredListeners) listener(incident);
      return changed(incident.id, incident);
    },
    get: (id) => store.get(id),
    addNote: (id, text, actor = ctx.actor) => changed(id, service.addNote(id, text, actor)),
    setStatus: (id, status, note, actor = ctx.actor) => changed(id, service.change(id, { status, note }, actor)),
    acknowledge(id, actor = ctx.actor) {
      const incident = store.get(id);
      if (incident.acknowledgedAt !== null) return incident;
      return changed(id, service.change(id, { acknowledge: true }, actor));
    },
    relapse(id, what, at) {
      const { insideWatch, incident } = service.relapse(id, what);
      if (insideWatch) {
        ctx.notifier.notify({
          key: `incident:${incident.id}:relapse:${what}:${at}`,
          title: `#${incident.id} ${incident.severity} · ${incident.title}: relapse`,
          body: `${what} failed again during the post-fix watch. Re-open the incident?`,
          severity: incident.severity,
          target: { kind: 'incident', id: String(incident.id) },
          scope: `incident:${incident.id}`,
        });
        changed(incident.id, null);
      }
      return { insideWatch };
    },
    record(id, kind, text, data, actor = ctx.actor) {
      store.append(id, [{ at: ctx.now(), kind, actor, text, data }]);
      changed(id, null);
    },
    attachChecklists(id, lists) {
      checklists.attach(id, lists);
      changed(id, null);
    },
    setScheme: (scheme) => changed(null, workflow.setScheme(scheme)),
    onDeclared: (listener) => declaredListeners.push(listener),
  };
}
