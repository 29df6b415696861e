import type { MetricsReport, SeverityMetrics } from '../../../../preload/contract';
import type { WorkflowIncident } from './incident-types';

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

function summarise(severity: string, incidents: WorkflowIncident[]): SeverityMetrics {
  const acks = incidents.filter((i) => i.acknowledgedAt !== null).map((i) => (i.acknowledgedAt as number) - i.createdAt);
  const fixes = incidents.filter((i) => i.resolvedAt !== null).map((i) => (i.resolvedAt as number) - i.createdAt);
  return { severity, count: incidents.length, acknowledged: acks.length, resolved: fixes.length, mttaMs: mean(acks), mttrMs: mean(fixes) };
}

/**
 * MTTA and MTTR per severity for incidents declared in [from, to). Severities come out in
 * `order` (the scheme's levels, most severe first), then any others alphabetically; severities
 * listed in `order` appear even with no incidents so the table keeps its shape.
 */
export function incidentMetrics(incidents: WorkflowIncident[], from: number, to: number, order: string[] = []): MetricsReport {
  if (!(to > from)) throw new Error(`The metrics period is empty: it must end after it starts (from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}).`);
  const inPeriod = incidents.filter((i) => i.createdAt >= from && i.createdAt < to);
  const groups = new Map<string, WorkflowIncident[]>(order.map((k) => [k, []]));
  for (const i of inPeriod) {
    const list = groups.get(i.severity) ?? [];
    list.push(i);
    groups.set(i.severity, list);
  }
  const extra = [...groups.keys()].filter((k) => !order.includes(k)).sort();
  return {
    from,
    to,
    bySeverity: [...order, ...extra].map((k) => summarise(k, groups.get(k) ?? [])),
    overall: summarise('all', inPeriod),
  };
}
