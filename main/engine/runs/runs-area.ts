import type { EngineContext } from '../engine-context';
import type { HostsPort } from '../hosts/hosts-port';
import type { IncidentsPort } from '../incidents/incidents-port';
import type { MonitorsPort } from '../monitors/monitors-port';
import { DEFAULT_RELAY_LIMITS, type RelayLimits } from './output-relay';
import { ProcedureStore } from './procedure-store';
import { registerRunHandlers } from './run-handlers';
import { RunManager } from './run-manager';
import { RunStore } from './run-store';
import { RunTimeline } from './run-timeline';
import type { RunsPort } from './runs-port';

export interface RunsAreaOptions {
  relay?: RelayLimits;
}

export interface RunsDeps {
  incidents: IncidentsPort;
  monitors: MonitorsPort;
  hosts: HostsPort;
}

// SSH diagnostics and guarded procedures: procedures, runs and their audit trail.
export function runsArea(ctx: EngineContext, deps: RunsDeps, options: RunsAreaOptions = {}): RunsPort {
  const runs = new RunStore(ctx.db);
  runs.markOrphans(processAlive, ctx.now());
  const procedures = new ProcedureStore(ctx.db);
  const manager = new RunManager({
    ctx,
    runs,
    procedures,
    incidents: deps.incidents,
    monitors: deps.monitors,
    timeline: new RunTimeline(deps.incidents),
    runners: deps.hosts,
    relayLimits: options.relay ?? DEFAULT_RELAY_LIMITS,
    report: ctx.reportError,
  });
  registerRunHandlers(ctx, { procedures, runs, manager });
  ctx.onClose(() => manager.close());
  return { saveProcedure: (text, actor = ctx.actor) => procedures.save(text, actor, ctx.now()) };
}

// A run marked "running" by another live process (the app while the CLI
// opens the same database) is left alone.
function processAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
