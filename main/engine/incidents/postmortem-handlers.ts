import type { PostmortemAction } from '../../../preload/contract';
import { type ActionItem, postmortemDraft, withActionItems } from './domain/postmortem';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import type { IncidentStore } from './incident-store';
import type { PostmortemActions } from './postmortem-actions';
import type { PostmortemStore } from './postmortem-store';

export interface PostmortemParts {
  store: IncidentStore;
  workflow: ActiveWorkflow;
  postmortems: PostmortemStore;
  actions: PostmortemActions;
}

const asItems = (actions: PostmortemAction[]): ActionItem[] =>
  actions.map((a) => ({ text: a.text, owner: a.owner, due: a.due ?? '', done: a.doneAt !== null }));

export function registerPostmortemHandlers(ctx: EngineContext, { store, workflow, postmortems, actions }: PostmortemParts): void {
  const { registry, actor } = ctx;

  const draft = (incidentId: number, tracked: PostmortemAction[]) => {
    const incident = store.get(incidentId);
    return postmortemDraft(incident, store.timeline(incidentId), {
      now: ctx.now(),
      level: incident.level ?? undefined,
      lifecycle: workflow.lifecycle(),
      details: { actionItems: asItems(tracked) },
    });
  };
  const fresh = (incidentId: number) => {
    const tracked = actions.list(incidentId);
    return { incidentId, markdown: draft(incidentId, tracked), edited: false, updatedAt: null, actions: tracked };
  };
  // A saved text keeps the person's words; only its Action Items section follows the tracked list,
  // and only once there is one, so a section written by hand is not wiped by an empty list.
  const saved = (incidentId: number, markdown: string, updatedAt: number) => {
    const tracked = actions.list(incidentId);
    return { incidentId, markdown: tracked.length ? withActionItems(markdown, asItems(tracked)) : markdown, edited: true, updatedAt, actions: tracked };
  };
  const changed = <T>(incidentId: number, result: T): T => {
    ctx.incidentsChanged(incidentId);
    return result;
  };

  registry.handle('postmortem.get', ({ incidentId }) => {
    const kept = postmortems.get(incidentId);
    return kept ? saved(incidentId, kept.markdown, kept.updatedAt) : fresh(incidentId);
  });
  registry.handle('postmortem.save', ({ incidentId, markdown }) => {
    store.get(incidentId);
    const now = ctx.now();
    postmortems.save(incidentId, markdown, actor, now);
    return saved(incidentId, markdown, now);
  });
  registry.handle('postmortem.regenerate', ({ incidentId }) => {
    postmortems.delete(incidentId);
    return fresh(incidentId);
  });

  registry.handle('postmortem.actions.list', ({ incidentId }) => {
    store.get(incidentId);
    return actions.list(incidentId);
  });
  registry.handle('postmortem.actions.add', ({ incidentId, ...item }) => {
    store.get(incidentId);
    return changed(incidentId, actions.add(incidentId, item, actor, ctx.now()));
  });
  registry.handle('postmortem.actions.update', ({ id, ...change }) => {
    const item = actions.update(id, change, actor, ctx.now());
    return changed(item.incidentId, item);
  });
  registry.handle('postmortem.actions.delete', ({ id }) => {
    const { deleted, incidentId } = actions.delete(id);
    if (incidentId !== null) ctx.incidentsChanged(incidentId);
    return { deleted };
  });
}
