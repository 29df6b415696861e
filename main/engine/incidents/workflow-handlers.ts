import { planUpdateFailed, planUpdateSent } from './domain/incident-events';
import { openStatusKeys } from './domain/lifecycle';
import { renderTemplate } from './domain/render-template';
import { READY_MADE_SCHEMES } from './domain/scheme-catalog';
import { schemeChangePreview } from './domain/scheme-change';
import { templateValues } from './domain/template-values';
import { postUpdate } from './domain/webhook';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import type { IncidentStore } from './incident-store';
import type { IncidentsPort } from './incidents-port';
import type { TemplateCatalog } from './template-catalog';
import type { UpdateChannels } from './update-channels';

export interface WorkflowParts {
  store: IncidentStore;
  workflow: ActiveWorkflow;
  incidents: IncidentsPort;
  channels: UpdateChannels;
  templates: TemplateCatalog;
  webhookTimeoutMs: number;
}

const EVERY_INCIDENT = 100_000;

export function registerWorkflowHandlers(ctx: EngineContext, parts: WorkflowParts): void {
  const { registry, actor } = ctx;
  const { store, workflow, channels } = parts;

  registry.handle('schemes.list', () => [...READY_MADE_SCHEMES]);
  registry.handle('schemes.active', () => workflow.scheme());
  registry.handle('schemes.setActive', (p) => parts.incidents.setScheme(p.scheme));
  registry.handle('schemes.preview', (p) =>
    schemeChangePreview(workflow.checkScheme(p.scheme), store.list(openStatusKeys(workflow.lifecycle()), EVERY_INCIDENT)),
  );

  registry.handle('templates.list', (p) => parts.templates.forIncident(p.incidentId === undefined ? null : store.get(p.incidentId)));
  registry.handle('templates.render', (p) => {
    const incident = store.get(p.incidentId);
    const values = templateValues(incident, store.timeline(incident.id), ctx.now(), {
      level: incident.level ?? undefined,
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
