import { type Incident, SeverityLevel, type TimelineEntry } from '../../../preload/contract';

export interface IncidentRow {
  id: number;
  title: string;
  severity: string;
  status: string;
  impact: string;
  commander: string;
  service: string;
  created_at: number;
  updated_at: number;
  status_changed_at: number | null;
  acknowledged_at: number | null;
  resolved_at: number | null;
  eta: number | null;
  last_update_at: number | null;
  roles: string;
  level: string | null;
}

export interface TimelineRow {
  id: number;
  incident_id: number;
  at: number;
  kind: string;
  actor: string;
  text: string;
  data: string | null;
}

export function toIncident(row: IncidentRow): Incident {
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    status: row.status,
    impact: row.impact,
    commander: row.commander,
    service: row.service,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    statusChangedAt: row.status_changed_at ?? row.updated_at,
    acknowledgedAt: row.acknowledged_at,
    resolvedAt: row.resolved_at,
    eta: row.eta,
    lastUpdateAt: row.last_update_at,
    roles: parseRoles(row.roles),
    level: parseLevel(row.level),
  };
}

export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  const entry: TimelineEntry = { id: row.id, incidentId: row.incident_id, at: row.at, kind: row.kind, actor: row.actor, text: row.text };
  if (row.data !== null) entry.data = JSON.parse(row.data);
  return entry;
}

// Column names for the camelCase fields a workflow plan may update.
export const UPDATE_COLUMNS = {
  title: 'title',
  severity: 'severity',
  status: 'status',
  impact: 'impact',
  commander: 'commander',
  service: 'service',
  acknowledgedAt: 'acknowledged_at',
  resolvedAt: 'resolved_at',
  eta: 'eta',
  statusChangedAt: 'status_changed_at',
  lastUpdateAt: 'last_update_at',
  level: 'level',
} as const;

/** A column's value as stored: the level snapshot is kept as JSON. */
export function columnValue(key: keyof typeof UPDATE_COLUMNS, value: unknown): unknown {
  if (key === 'level') return value ? JSON.stringify(value) : null;
  return value ?? null;
}

// Incidents share a handful of level snapshots, and a list or tray refresh reads up to 1,000 rows: each distinct
// snapshot is checked once. Bounded, since a scheme edited many times leaves many.
const levels = new Map<string, SeverityLevel | null>();
const LEVELS_KEPT = 256;

// A snapshot that no longer reads as a level (edited by hand) counts as none rather than breaking the incident.
function parseLevel(text: string | null): SeverityLevel | null {
  if (text === null) return null;
  const known = levels.get(text);
  if (known !== undefined) return known;
  let level: SeverityLevel | null = null;
  try {
    const parsed = SeverityLevel.safeParse(JSON.parse(text));
    if (parsed.success) level = parsed.data;
  } catch {
    // not JSON: no level
  }
  if (levels.size >= LEVELS_KEPT) levels.clear();
  levels.set(text, level);
  return level;
}

function parseRoles(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}
