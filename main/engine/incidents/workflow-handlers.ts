import { COMM_TEMPLATES } from './domain/comm-templates';
import { planChecklistItemAdded, planChecklistTick, planUpdateFailed, planUpdateSent } from './domain/incident-events';
import { postmortemDraft } from './domain/postmortem';
import { renderTemplate } from './domain/render-template';
import { READY_MADE_SCHEMES } from './domain/scheme-catalog';
import { templateValues } from './domain/template-values';
import { postUpdate } from './domain/webhook';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import type { ChecklistStore } from './checklist-store';
import type { IncidentStore } from './incident-store';
import type { IncidentsPort } from './incidents-port';
import type { PostmortemStore } from './postmortem-store';
import type { UpdateChannels } from './update-channels';

export interface WorkflowParts {
  store: IncidentStore;
  checklists: ChecklistStore;
  workflow: ActiveWorkflow;
  incidents: IncidentsPort;
  channels: UpdateChannels;
  postmortems: PostmortemStore;
  webhookTimeoutMs: number;
}

export function registerWorkflowHandlers(ctx: EngineContext, parts: WorkflowParts): void {
  const { registry, actor } = ctx;
  const { store, checklists, workflow, channels, postmortems } = parts;

  registry.handle('schemes.list', () => [...READY_MADE_SCHEMES]);
  registry.handle('schemes.active', () => workflow.scheme());
  registry.handle('schemes.setActive', (p) => {
    const scheme = workflow.setScheme(p.scheme);
    ctx.incidentsChanged(null);
    return scheme;
  });

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

  registry.handle('templates.list', () => [...COMM_TEMPLATES]);
  registry.handle('templates.render', (p) => {
    const incident = store.get(p.incidentId);
    const values = templateValues(incident, store.timeline(incident.id), ctx.now(), {
      level: workflow.level(incident.severity),
      lifecycle: workflow.lifecycle(),
    });
    return renderTemplate(p.body, values);
  });

  registry.handle('channels.list', () => channels.list());
  registry.handle('channels.save', (p) => channels.save(p));
  registry.handle('channels.delete', (p) => ({ deleted: channels.delete(p.id) }));

  registry.handle('updates.post', async (p) => {
    const incident = store.get(p.incidentId);
    if (p.channelId === null) {
      const plan = planUpdateSent('clipboard', p.text, actor, ctx.now(), p.templateId);
      store.transaction(() => {
        store.apply(incident.id, plan.updates, ctx.now());
        store.append(incident.id, plan.entries);
      });
      ctx.incidentsChanged(incident.id);
      return { ok: true as const, status: 0, text: p.text };
    }
    const channel = channels.get(p.channelId);
    const result = await postUpdate({ kind: channel.kind, url: channels.url(channel.id), text: p.text, incident }, { timeoutMs: parts.webhookTimeoutMs });
    const now = ctx.now();
    if (result.ok) {
      const plan = planUpdateSent(channel.name, p.text, actor, now, p.templateId);
      store.transaction(() => {
        store.apply(incident.id, plan.updates, now);
        store.append(incident.id, plan.entries);
      });
    } else {
      store.append(incident.id, [planUpdateFailed(channel.name, result.error, p.text, actor, now)]);
    }
    ctx.incidentsChanged(incident.id);
    return result;
  });

  const draft = (incidentId: number) => {
    const incident = store.get(incidentId);
    return postmortemDraft(incident, store.timeline(incidentId), {
      now: ctx.now(),
      level: workflow.level(incident.severity),
      lifecycle: workflow.lifecycle(),
    });
  };
  registry.handle('postmortem.get', ({ incidentId }) => {
    const saved = postmortems.get(incidentId);
    if (saved) return { incidentId, markdown: saved.markdown, edited: true, updatedAt: saved.updatedAt };
    return { incidentId, markdown: draft(incidentId), edited: false, updatedAt: null };
  });
  registry.handle('postmortem.save', ({ incidentId, markdown }) => {
    store.get(incidentId);
    const now = ctx.now();
    postmortems.save(incidentId, markdown, actor, now);
    return { incidentId, markdown, edited: true, updatedAt: now };
  });
  registry.handle('postmortem.regenerate', ({ incidentId }) => {
    postmortems.delete(incidentId);
    return { incidentId, markdown: draft(incidentId), edited: false, updatedAt: null };
  });

  registry.handle('lifecycle.set', (p) => {
    const lifecycle = workflow.setLifecycle(p.lifecycle);
    ctx.incidentsChanged(null);
    return lifecycle;
  });
  registry.handle('contacts.get', () => workflow.contacts());
  registry.handle('contacts.set', (p) => workflow.setContacts(p.contacts));
  registry.handle('notifications.snooze', (p) => {
    const until = ctx.now() + p.minutes * 60_000;
    ctx.notifier.snooze(p.scope, until);
    ctx.trayChanged();
    return { scope: p.scope, until };
  });
}
