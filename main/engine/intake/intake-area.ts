import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { registerIntakeHandlers } from './intake-handlers';
import { readListener } from './intake-listener-settings';
import type { IntakePort } from './intake-port';
import { receiveIntake } from './intake-receiver';
import { IntakeStore } from './intake-store';

export interface IntakeDeps {
  incidents: IncidentsPort;
}

// Alerts posted by other tools (Alertmanager's webhook receiver, scripts) open or update incidents,
// once per dedupe key. Each integration has its own token; the HTTP servers hand requests to `receive`.
export function intakeArea(ctx: EngineContext, { incidents }: IntakeDeps): IntakePort {
  const store = new IntakeStore(ctx.db);
  incidents.provideDedupeKeys((ids) => store.keysOf(ids));
  registerIntakeHandlers(ctx, store);
  return {
    receive: (kind, headers, body) => receiveIntake(ctx, incidents, store, kind, headers, body),
    listener: () => readListener(ctx.settings),
  };
}
