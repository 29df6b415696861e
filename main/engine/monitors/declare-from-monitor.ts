import type { Incident, ParamsOf, RecentResult } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import { RpcFailure } from '../rpc/rpc-failure';
import { DAY } from './domain/buckets';
import type { MonitorRuntime } from './monitor-runtime';

const MAX_FAILURES = 20;

/**
 * Declares an incident for a monitor through the incidents area's own method, then records the
 * monitor's recent failures in its timeline, so the incident starts with the evidence.
 */
export async function declareFromMonitor(
  ctx: EngineContext,
  runtime: MonitorRuntime,
  params: ParamsOf<'monitors.declareIncident'>,
): Promise<{ incident: Incident; failuresRecorded: number }> {
  const { monitorId, ...declaration } = params;
  const entry = runtime.catalog.require(monitorId);
  runtime.flush();
  const declared = await ctx.registry.dispatch({ id: `monitor-${monitorId}`, method: 'incidents.declare', params: declaration });
  if ('error' in declared) throw new RpcFailure(declared.error.code, declared.error.message, declared.error.issues);
  const incident = declared.result as Incident;
  const state = runtime.state(entry.name);
  const now = ctx.now();
  const from = Math.min(state?.outageSince ?? now, state?.failingSince ?? now, now - DAY);
  const failures = runtime.queries.failures(entry.id, from, MAX_FAILURES);
  if (failures.length > 0) {
    const target = entry.definition?.target ?? '';
    const noted = await ctx.registry.dispatch({ id: `monitor-${monitorId}-note`, method: 'incidents.addNote', params: { id: incident.id, text: failureNote(entry.id, entry.name, target, failures) } });
    if ('error' in noted) throw new RpcFailure(noted.error.code, `Incident #${incident.id} was declared, but its monitor failures could not be recorded: ${noted.error.message}`);
  }
  runtime.store.setIncident(entry.id, incident.id);
  entry.incidentId = incident.id;
  runtime.announce();
  return { incident, failuresRecorded: failures.length };
}

function failureNote(id: number, name: string, target: string, failures: RecentResult[]): string {
  const count = failures.length === 1 ? 'its last failure' : `its last ${failures.length} failures`;
  const lines = failures.map((f) => {
    const at = `${new Date(f.at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
    return [at, f.status !== null ? `HTTP ${f.status}` : null, f.error ?? 'failed'].filter(Boolean).join('  ');
  });
  return [`Monitor ${name}${target ? ` (${target})` : ''}: ${count} before this incident was declared:`, ...lines, `Monitor: #/monitors/${id}`].join('\n');
}
