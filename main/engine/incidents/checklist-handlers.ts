import { planChecklistItemAdded, planChecklistTick } from './domain/incident-events';
import type { EngineContext } from '../engine-context';
import type { ChecklistPlanner } from './checklist-planner';
import type { ChecklistStore } from './checklist-store';
import type { IncidentService } from './incident-service';
import type { IncidentStore } from './incident-store';

export interface ChecklistParts {
  store: IncidentStore;
  checklists: ChecklistStore;
  planner: ChecklistPlanner;
  service: IncidentService;
}

export function registerChecklistHandlers(ctx: EngineContext, { store, checklists, planner, service }: ChecklistParts): void {
  const { registry, actor } = ctx;

  registry.handle('checklists.tick', (p) => {
    const item = checklists.item(p.itemId);
    const list = checklists.one(item.checklist_id);
    const now = ctx.now();
    store.transaction(() => {
      checklists.setDone(item.id, p.done, actor, now);
      store.append(list.incidentId, [planChecklistTick(list.title, item.text, p.done, actor, now)]);
    });
    ctx.incidentsChanged(list.incidentId);
    return checklists.one(list.id);
  });
  registry.handle('checklists.addItem', (p) => {
    const list = checklists.one(p.checklistId);
    const now = ctx.now();
    store.transaction(() => {
      checklists.addItem(list.id, p.text);
      store.append(list.incidentId, [planChecklistItemAdded(list.title, p.text, actor, now)]);
    });
    ctx.incidentsChanged(list.incidentId);
    return checklists.one(list.id);
  });
  registry.handle('checklists.offers', ({ incidentId }) => planner.offers(store.get(incidentId)));
  registry.handle('checklists.attachPhase', ({ incidentId, phase }) => {
    const lists = service.attachPhase(incidentId, phase, actor);
    ctx.incidentsChanged(incidentId);
    return lists;
  });
}
