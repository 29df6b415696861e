// The incident and timeline shapes the workflow logic reads; the store returns exactly these.
export interface Incident {
  id: number;
  title: string;
  /** Severity level key, e.g. 'P1'. */
  severity: string;
  /** Status key, e.g. 'investigating'. */
  status: string;
  impact: string;
  commander: string;
  service: string;
  /** All times are ms since the epoch. */
  createdAt: number;
  acknowledgedAt: number | null;
  resolvedAt: number | null;
  eta: number | null;
  statusChangedAt: number;
  /** When the last communication update was sent; restarts the update timer. */
  lastUpdateAt: number | null;
}

export interface TimelineEntry {
  id: number;
  incidentId: number;
  at: number;
  /** 'declared' | 'status' | 'severity' | 'commander' | 'eta' | 'impact' | 'service' | 'ack' | 'note' | 'update' | 'checklist' | 'snooze' | 'escalated' */
  kind: string;
  actor: string;
  text: string;
  data?: unknown;
}

/** A timeline entry before the store gives it an id and ties it to an incident. */
export type NewTimelineEntry = Omit<TimelineEntry, 'id' | 'incidentId'>;

/** Fields of an incident a change may set; the store applies them as given. */
export type IncidentUpdates = Partial<Omit<Incident, 'id' | 'createdAt'>>;
