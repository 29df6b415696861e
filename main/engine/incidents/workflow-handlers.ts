import { openStatusKeys } from './domain/lifecycle';
import { renderTemplate } from './domain/render-template';
import { READY_MADE_SCHEMES } from './domain/scheme-catalog';
import { schemeChangePreview } from './domain/scheme-change';
import { templateValues } from './domain/template-values';
import type { EngineContext } from '../engine-context';
import type { ActiveWorkflow } from './active-workflow';
import type { IncidentStore } from './incident-store';
import type { IncidentsPort } from './incidents-port';
import type { TemplateCatalog } from './template-catalog';

export interface WorkflowParts {
  store: IncidentStore;
  workflow: ActiveWorkflow;
  incidents: IncidentsPort;
  templates: TemplateCatalog;
}

const EVERY_INCIDENT = 100_000;

export function registerWorkflowHandlers(ctx: EngineContext, parts: WorkflowParts): void {
  const { registry } = ctx;
  const { store, workflow } = parts;

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

  // channels.* and updates.post: the channels area.

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
