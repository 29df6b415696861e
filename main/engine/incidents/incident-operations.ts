import type { Incident } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import { AUTOMATIC_NOTE } from './domain/incident-notes';
import type { ActiveWorkflow } from './active-workflow';
import type { ChecklistPlanner } from './checklist-planner';
import type { IncidentService } from './incident-service';
import type { IncidentStore } from './incident-store';
import type { IncidentsPort } from './incidents-port';
import type { TemplateCatalog } from './template-catalog';

interface Parts {
  service: IncidentService;
  store: IncidentStore;
  planner: ChecklistPlanner;
  workflow: ActiveWorkflow;
  templates: TemplateCatalog;
}

// The incidents area's operations, announced to windows and the tray as they happen; the handlers
// and the other areas both go through here (a person's note excepted: see incident-handlers).
export function incidentOperations(ctx: EngineContext, { service, store, planner, workflow, templates }: Parts): IncidentsPort {
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
    addNote: (id, text, actor = ctx.actor) => changed(id, service.addNote(id, text, actor, AUTOMATIC_NOTE)),
    setStatus: (id, status, note, actor = ctx.actor) => changed(id, service.change(id, { status, note }, actor)),
    acknowledge(id, actor = ctx.actor) {
      const incident = store.get(id);
      if (incident.acknowledgedAt !== null) return incident;
      return changed(id, service.change(id, { acknowledge: true }, actor));
    },
    relapse(id, what) {
      const { insideWatch, incident, entryId } = service.relapse(id, what);
      if (insideWatch) {
        ctx.notifier.notify({
          // One notice per stamped relapse: the timeline entry is the event's identity.
          key: `incident:${incident.id}:relapse:${entryId}`,
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
      const at = ctx.now();
      store.transaction(() => {
        // A status update sent by another area (a channel) restarts the update timer like one sent here.
        if (kind === 'update') store.apply(id, { lastUpdateAt: at }, at);
        store.append(id, [{ at, kind, actor, text, data }]);
      });
      changed(id, null);
    },
    provideChecklists: (provider) => planner.provide(provider),
    provideTemplates: (provider) => templates.provide(provider),
    setScheme: (scheme) => changed(null, workflow.setScheme(scheme)),
    scheme: () => workflow.scheme(),
    lifecycle: () => workflow.lifecycle(),
    contacts: () => workflow.contacts(),
    businessHours: () => workflow.businessHours(),
    setBusinessHours: (hours) => workflow.setBusinessHours(hours),
    provideDedupeKeys: (provider) => service.provideDedupeKeys(provider),
    onDeclared: (listener) => declaredListeners.push(listener),
    onChanged: (listener) => service.onChange(listener),
  };
}
