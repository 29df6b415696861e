import type { PostmortemAction } from '../../../preload/contract';
import { type ActionItem, postmortemDraft, withActionItems } from './domain/postmortem';
import { postmortemFromTemplate } from './domain/postmortem-template';
import { RpcFailure } from '../rpc/rpc-failure';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import type { IncidentStore } from './incident-store';
import type { PostmortemActions } from './postmortem-actions';
import type { PostmortemStore } from './postmortem-store';
import type { TemplateCatalog } from './template-catalog';

export interface PostmortemParts {
  store: IncidentStore;
  workflow: ActiveWorkflow;
  postmortems: PostmortemStore;
  actions: PostmortemActions;
  /** Where runbook packs' post-mortem templates for the incident's service come from. */
  templates: TemplateCatalog;
}

const asItems = (actions: PostmortemAction[]): ActionItem[] =>
  actions.map((a) => ({ text: a.text, owner: a.owner, due: a.due ?? '', done: a.doneAt !== null }));

export function registerPostmortemHandlers(ctx: EngineContext, { store, workflow, postmortems, actions, templates }: PostmortemParts): void {
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
  const offered = (incidentId: number) => templates.postmortemsFor(store.get(incidentId));
  const fresh = (incidentId: number) => {
    const tracked = actions.list(incidentId);
    return { incidentId, markdown: draft(incidentId, tracked), edited: false, updatedAt: null, actions: tracked, templates: offered(incidentId) };
  };
  /** A runbook pack's template filled from the incident; it is saved, so it stays the post-mortem until regenerated. */
  const fromTemplate = (incidentId: number, templateId: string) => {
    const choices = offered(incidentId);
    const template = choices.find((t) => t.id === templateId);
    if (!template) {
      const known = choices.length ? `the templates offered are ${choices.map((t) => `"${t.id}" (${t.name})`).join(', ')}` : 'no runbook pack for its service has one';
      throw new RpcFailure('not_found', `Incident #${incidentId} has no post-mortem template "${templateId}": ${known}.`, [{ path: 'templateId', message: 'unknown template' }]);
    }
    const incident = store.get(incidentId);
    const markdown = postmortemFromTemplate(template.body, incident, store.timeline(incidentId), { now: ctx.now(), level: incident.level ?? undefined, lifecycle: workflow.lifecycle() });
    const now = ctx.now();
    postmortems.save(incidentId, markdown, actor, now);
    return saved(incidentId, markdown, now);
  };
  // A saved text keeps the person's words; only its Action Items section follows the tracked list,
  // and only once there is one, so a section written by hand is not wiped by an empty list.
  const saved = (incidentId: number, markdown: string, updatedAt: number) => {
    const tracked = actions.list(incidentId);
    return { incidentId, markdown: tracked.length ? withActionItems(markdown, asItems(tracked)) : markdown, edited: true, updatedAt, actions: tracked, templates: offered(incidentId) };
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
  registry.handle('postmortem.regenerate', ({ incidentId, templateId }) => {
    if (templateId !== undefined) return fromTemplate(incidentId, templateId);
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
