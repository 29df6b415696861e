import type { TimelineEntry } from '../../../../preload/contract';
import type { WorkflowIncident } from './incident-types';

const CSV_COLUMNS = [
  'id',
  'title',
  'severity',
  'status',
  'service',
  'commander',
  'impact',
  'created_at',
  'acknowledged_at',
  'resolved_at',
  'eta',
  'minutes_to_acknowledge',
  'minutes_to_resolve',
] as const;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const minutesBetween = (from: number, to: number | null) => (to === null ? '' : String(Math.round((to - from) / 60_000)));

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled.
 * Free text that starts like a formula (=, +, -, @) gets a leading apostrophe so a spreadsheet
 * shows it instead of running it: titles may come from alert hooks anyone can trigger.
 */
export function csvField(value: string, freeText = false): string {
  const safe = freeText && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Incidents as CSV with a header row, CRLF line ends, times in ISO 8601 UTC. */
export function incidentsToCsv(incidents: WorkflowIncident[]): string {
  const rows = incidents.map((i) =>
    [
      String(i.id),
      csvField(i.title, true),
      csvField(i.severity, true),
      csvField(i.status, true),
      csvField(i.service, true),
      csvField(i.commander, true),
      csvField(i.impact, true),
      iso(i.createdAt),
      iso(i.acknowledgedAt),
      iso(i.resolvedAt),
      iso(i.eta),
      minutesBetween(i.createdAt, i.acknowledgedAt),
      minutesBetween(i.createdAt, i.resolvedAt),
    ].join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/**
 * Incidents as JSON, times in ISO 8601 UTC. Timelines are included for the incidents present in
 * `timelines` (keyed by incident id).
 */
export function incidentsToJson(incidents: WorkflowIncident[], exportedAt: number, timelines: Map<number, TimelineEntry[]> = new Map()): string {
  return JSON.stringify(
    {
      format: 'trayage-incidents',
      version: 1,
      exportedAt: iso(exportedAt),
      incidents: incidents.map((i) => ({
        ...i,
        createdAt: iso(i.createdAt),
        acknowledgedAt: iso(i.acknowledgedAt) || null,
        resolvedAt: iso(i.resolvedAt) || null,
        eta: iso(i.eta) || null,
        statusChangedAt: iso(i.statusChangedAt),
        lastUpdateAt: iso(i.lastUpdateAt) || null,
        ...(timelines.has(i.id)
          ? { timeline: timelines.get(i.id)!.map((e) => ({ at: iso(e.at), kind: e.kind, actor: e.actor, text: e.text, ...(e.data === undefined ? {} : { data: e.data }) })) }
          : {}),
      })),
    },
    null,
    2,
  );
}
