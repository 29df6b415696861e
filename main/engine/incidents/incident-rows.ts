import type { Incident, TimelineEntry } from '../../../preload/contract';

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
}

export interface TimelineRow {
  id: number;
  incident_id: number;
  at: number;
  kind: string;
  actor: string;
  text: string;
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
  };
}

export function toTimelineEntry(row: TimelineRow): TimelineEntry {
  return { id: row.id, incidentId: row.incident_id, at: row.at, kind: row.kind, actor: row.actor, text: row.text };
}
