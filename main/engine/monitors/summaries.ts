import type { MonitorSummary } from '../../../preload/contract';
import type { MonitorState } from './domain/monitor-state';
import type { MonitorEntry } from './monitor-catalog';

export interface SummaryExtras {
  counts: { count: number; failures: number } | undefined;
  spark: { latency: (number | null)[]; failures: number[] } | undefined;
  snoozedUntil: number | null;
}

export const SPARKLINE_MINUTES = 30;

/** A monitor's status as the windows show it: unknown until it is defined and has run. */
export function statusOf(entry: MonitorEntry, state: MonitorState | undefined): MonitorSummary['status'] {
  return entry.definition && state ? state.status : 'unknown';
}

/** What the Monitors window shows for one monitor. */
export function summarize(entry: MonitorEntry, state: MonitorState | undefined, extras: SummaryExtras): MonitorSummary {
  const definition = entry.definition;
  const status = statusOf(entry, state);
  const since = status === 'down' ? (state?.outageSince ?? null) : status === 'pending' ? (state?.failingSince ?? null) : null;
  const counts = extras.counts;
  return {
    id: entry.id,
    name: entry.name,
    source: entry.source,
    kind: definition?.kind ?? 'unknown',
    target: definition?.target ?? entry.fields?.url ?? '',
    intervalMs: definition?.intervalMs ?? 0,
    severity: definition?.severity ?? entry.fields?.severity ?? null,
    service: definition?.service ?? entry.fields?.service ?? null,
    status,
    flapping: state?.flapping ?? false,
    since,
    lastCheckAt: entry.lastResult?.at ?? state?.lastCheckAt ?? null,
    lastLatencyMs: entry.lastResult?.latencyMs ?? null,
    lastStatusCode: entry.lastResult?.status ?? null,
    lastError: state?.lastError ?? entry.lastResult?.error ?? null,
    uptime24h: counts && counts.count > 0 ? (counts.count - counts.failures) / counts.count : null,
    // No result in the last half hour: an empty line rather than thirty nulls per row, which were a
    // third of monitors.list for a big file.
    sparkline: extras.spark?.latency ?? [],
    sparklineFailures: extras.spark?.failures ?? [],
    snoozedUntil: extras.snoozedUntil,
    incidentId: entry.incidentId,
    problem: entry.problem,
  };
}
