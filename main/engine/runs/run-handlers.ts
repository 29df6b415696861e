import type { EngineContext } from '../engine-context';
import type { ProcedureStore } from './procedure-store';
import type { RunManager } from './run-manager';
import type { RunStore } from './run-store';

export interface RunParts {
  procedures: ProcedureStore;
  runs: RunStore;
  manager: RunManager;
}

export function registerRunHandlers(ctx: EngineContext, parts: RunParts): void {
  const { registry } = ctx;
  const { procedures, runs, manager } = parts;

  registry.handle('procedures.list', () => procedures.list());
  registry.handle('procedures.save', (p) => procedures.save(p.text, ctx.actor, ctx.now()));
  registry.handle('procedures.delete', (p) => ({ deleted: procedures.delete(p.id) }));

  registry.handle('runs.dryRun', (p) => {
    const { procedure, hosts: planned } = manager.plan(p.procedureId, p.hosts, p.params);
    return { procedureId: procedure.id, hosts: planned.map(({ host, steps }) => ({ host, steps: steps.map(publicStep) })) };
  });
  registry.handle('runs.start', (p) => manager.start(p));
  registry.handle('runs.cancel', (p) => ({ cancelled: manager.cancel(p.runId) }));
  registry.handle('runs.get', (p) => manager.get(p.runId));
  registry.handle('runs.list', (p) => runs.list(p.incidentId, p.limit));
  registry.handle('runs.stepOutput', (p) => {
    runs.row(p.runId);
    return runs.stepOutput(p.runId, p.host, p.stepIndex);
  });
  registry.handle('runs.respond', (p) => ({ accepted: manager.respond(p.runId, p.promptId, p.value) }));
}

// The contract's planned step: what a window shows before anything runs.
function publicStep(step: ReturnType<RunManager['plan']>['hosts'][number]['steps'][number]) {
  const { index, title, kind, host, command, awaiting, destructive, reasons, needsConfirmation, timeoutMs, continueOnFailure } = step;
  return { index, title, kind, host, command, awaiting, destructive, reasons, needsConfirmation, timeoutMs, continueOnFailure };
}
