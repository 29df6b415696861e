import type { EngineContext } from '../engine-context';
import { isOpenStatus } from './domain/lifecycle';
import { nearestTimer } from './domain/timers';
import { ActiveWorkflow } from './active-workflow';
import { registerChecklistHandlers } from './checklist-handlers';
import { ChecklistPlanner } from './checklist-planner';
import { ChecklistStore } from './checklist-store';
import { registerIncidentHandlers } from './incident-handlers';
import { IncidentService } from './incident-service';
import { IncidentStore } from './incident-store';
import { incidentOperations } from './incident-operations';
import type { IncidentsPort } from './incidents-port';
import { PostmortemActions } from './postmortem-actions';
import { registerPostmortemHandlers } from './postmortem-handlers';
import { PostmortemStore } from './postmortem-store';
import { TemplateCatalog } from './template-catalog';
import { checkIncidentTimers } from './timer-loop';
import { registerWorkflowHandlers } from './workflow-handlers';

export interface IncidentsAreaOptions {
  timerCheckMs?: number;
}

export function incidentsArea(ctx: EngineContext, options: IncidentsAreaOptions = {}): IncidentsPort {
  const store = new IncidentStore(ctx.db);
  const checklists = new ChecklistStore(ctx.db);
  const workflow = new ActiveWorkflow(ctx.settings);
  store.fillMissingLevels(workflow.scheme());
  const planner = new ChecklistPlanner(checklists, workflow, (where, err) => ctx.reportError(where, err));
  const service = new IncidentService(store, checklists, planner, workflow, ctx.now);
  const templates = new TemplateCatalog();
  const incidents = incidentOperations(ctx, { service, store, planner, workflow, templates });
  registerIncidentHandlers(ctx, incidents, service, store, workflow);
  registerChecklistHandlers(ctx, { store, checklists, planner, service });
  registerWorkflowHandlers(ctx, {
    store,
    workflow,
    incidents,
    templates,
  });
  registerPostmortemHandlers(ctx, { store, workflow, postmortems: new PostmortemStore(ctx.db), actions: new PostmortemActions(ctx.db), templates });
  ctx.every(options.timerCheckMs ?? 5_000, () => {
    checkIncidentTimers(ctx, store, workflow);
  });
  ctx.provideTrayIncidents(() => {
    const lifecycle = workflow.lifecycle();
    const open = store.list(null, 1000).filter((i) => isOpenStatus(lifecycle, i.status));
    return {
      topSeverity: workflow.scheme().levels[0]?.key,
      incidents: open.map((incident) => {
        const { id, title, severity, status, createdAt } = incident;
        const timer = nearestTimer(service.timers(incident));
        return { id, title, severity, status, createdAt, nextTimer: timer ? { kind: timer.kind, label: timer.label, dueAt: timer.dueAt, overdue: timer.overdue } : null };
      }),
    };
  });
  return incidents;
}
