import type { Incident, ParamsOf, RecentResult } from '../../../preload/contract';
import type { IncidentsPort } from '../incidents/incidents-port';
import { DAY } from './domain/buckets';
import type { MonitorRuntime } from './monitor-runtime';

const MAX_FAILURES = 20;

/**
 * Declares an incident for a monitor through the incidents area, then records the monitor's recent
 * failures in its timeline, so the incident starts with the evidence.
 */
export function declareFromMonitor(
  incidents: IncidentsPort,
  runtime: MonitorRuntime,
  params: ParamsOf<'monitors.declareIncident'>,
  now: number,
): { incident: Incident; failuresRecorded: number } {
  const { monitorId, ...declaration } = params;
  const entry = runtime.catalog.require(monitorId);
  runtime.flush();
  const incident = incidents.declare(declaration);
  const state = runtime.state(entry.name);
  const from = Math.min(state?.outageSince ?? now, state?.failingSince ?? now, now - DAY);
  const failures = runtime.queries.failures(entry.id, from, MAX_FAILURES);
  if (failures.length > 0) {
    const target = entry.definition?.target ?? '';
    incidents.addNote(incident.id, failureNote(entry.id, entry.name, target, failures));
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
