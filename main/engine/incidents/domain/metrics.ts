import type { Incident } from './incident-types';

export interface SeverityMetrics {
  severity: string;
  /** Incidents declared in the period. */
  count: number;
  acknowledged: number;
  resolved: number;
  /** Mean time from declaration to acknowledgement, ms; null when none was acknowledged. */
  mttaMs: number | null;
  /** Mean time from declaration to resolution, ms; null when none was resolved. */
  mttrMs: number | null;
}

export interface MetricsReport {
  from: number;
  to: number;
  bySeverity: SeverityMetrics[];
  overall: SeverityMetrics;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

function summarise(severity: string, incidents: Incident[]): SeverityMetrics {
  const acks = incidents.filter((i) => i.acknowledgedAt !== null).map((i) => (i.acknowledgedAt as number) - i.createdAt);
  const fixes = incidents.filter((i) => i.resolvedAt !== null).map((i) => (i.resolvedAt as number) - i.createdAt);
  return { severity, count: incidents.length, acknowledged: acks.length, resolved: fixes.length, mttaMs: mean(acks), mttrMs: mean(fixes) };
}

/**
 * MTTA and MTTR per severity for incidents declared in [from, to). Severities come out in
 * `order` (the scheme's levels, most severe first), then any others alphabetically; severities
 * listed in `order` appear even with no incidents so the table keeps its shape.
 */
export function incidentMetrics(incidents: Incident[], from: number, to: number, order: string[] = []): MetricsReport {
  if (!(to > from)) throw new Error(`The metrics period is empty: it must end after it starts (from ${new Date(from).toISOString()} to ${new Date(to).toISOString()}).`);
  const inPeriod = incidents.filter((i) => i.createdAt >= from && i.createdAt < to);
  const groups = new Map<string, Incident[]>(order.map((k) => [k, []]));
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
