import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { readEscalationSettings, saveEscalationSettings } from './escalation-settings';
import type { EscalationService } from './escalation-service';
import type { EscalationStore } from './escalation-store';
import type { OnCall } from './on-call';

interface Parts {
  incidents: IncidentsPort;
  service: EscalationService;
  store: EscalationStore;
  onCall: OnCall;
}

export function registerEscalationHandlers(ctx: EngineContext, { incidents, service, store, onCall }: Parts): void {
  ctx.registry.handle('escalation.next', async ({ incidentId }) => {
    const incident = incidents.get(incidentId);
    await onCall.refresh();
    return { next: service.next(incident), fired: store.fired(incidentId).map((f) => ({ ...f, step: f.step + 1 })) };
  });
  ctx.registry.handle('escalation.settings', () => readEscalationSettings(ctx.settings, incidents));
  ctx.registry.handle('escalation.saveSettings', async (change) => {
    const saved = saveEscalationSettings(ctx.settings, incidents, change);
    await onCall.refresh();
    ctx.trayChanged();
    ctx.incidentsChanged(null);
    return saved;
  });
  ctx.registry.handle('oncall.now', async () => {
    await onCall.refresh();
    return onCall.answer();
  });
}
