import type { IncidentsPort } from '../incidents/incidents-port';
import type { StepRecord } from './domain/run-types';

export interface RunFacts {
  id: number;
  title: string;
  kind: string;
  hosts: string[];
  stepCount: number;
}

const MONITORING = 'monitoring';

// Writes a run into its incident's timeline (kind "run"): when it started,
// each step that ran with its exact command and result, and how it ended.
// The post-mortem is built from the timeline, so it carries the same record.
export class RunTimeline {
  constructor(private readonly incidents: IncidentsPort) {}

  started(incidentId: number, run: RunFacts): void {
    this.append(incidentId, `Started ${run.kind} "${run.title}" on ${run.hosts.join(', ')} (run #${run.id})`, {
      runId: run.id,
      hosts: run.hosts,
    });
  }

  step(incidentId: number, run: RunFacts, record: StepRecord): void {
    const mark = record.status === 'ok' ? '✓' : '✗';
    const lines = [`${record.runHost} · step ${record.index + 1}/${run.stepCount} ${mark} ${record.title} — ${outcome(record)}`];
    lines.push(record.kind === 'command' ? `$ ${record.command}` : record.command);
    if (record.error) lines.push(record.error);
    this.append(incidentId, lines.join('\n'), {
      runId: run.id,
      host: record.runHost,
      target: record.host,
      stepIndex: record.index,
      status: record.status,
      exitCode: record.exitCode,
      signal: record.signal,
      durationMs: record.durationMs,
      command: record.command,
      ...(record.confirmedWith ? { confirmedWith: record.confirmedWith } : {}),
      ...(record.captured ? { chose: { [record.captured.param]: record.captured.value } } : {}),
    });
  }

  finished(incidentId: number, run: RunFacts, status: string, okSteps: number, totalSteps: number, error: string | null): void {
    const text = `Run #${run.id} "${run.title}" ${status === 'ok' ? 'succeeded' : `ended: ${status}`} — ${okSteps}/${totalSteps} steps ok on ${run.hosts.join(', ')}`;
    this.append(incidentId, error ? `${text}\n${error}` : text, { runId: run.id, status });
  }

  // Goes through the incidents area, so the status change is planned, timed and recorded exactly
  // like one made by hand; a lifecycle that does not allow the move leaves the incident as it is.
  moveToMonitoring(incidentId: number, run: RunFacts, host: string): { moved: boolean; message: string } {
    try {
      this.incidents.setStatus(incidentId, MONITORING, `Health verified by "${run.title}" on ${host} (run #${run.id}).`);
      return { moved: true, message: `Health verified; incident #${incidentId} moved to Monitoring.` };
    } catch (err) {
      return { moved: false, message: `Health verified, but the incident stays as it is: ${(err as Error).message}` };
    }
  }

  private append(incidentId: number, text: string, data: Record<string, unknown>): void {
    this.incidents.record(incidentId, 'run', text, data);
  }
}

function outcome(record: StepRecord): string {
  const took = formatDuration(record.durationMs);
  if (record.kind === 'verify-health') return `${record.status === 'ok' ? 'healthy' : record.status} in ${took}`;
  if (record.exitCode !== null) return `exit ${record.exitCode} in ${took}`;
  if (record.signal) return `killed by ${record.signal} after ${took}`;
  return `${record.status} after ${took}`;
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
