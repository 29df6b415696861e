import type Database from 'better-sqlite3';
import type { Incident, SeverityLevel, SeverityScheme, TimelineEntry } from '../../../preload/contract';
import type { IncidentUpdates, NewTimelineEntry } from './domain/incident-types';
import { RpcFailure } from '../rpc/rpc-failure';
import { columnValue, type IncidentRow, type TimelineRow, toIncident, toTimelineEntry, UPDATE_COLUMNS } from './incident-rows';

export interface NewIncident {
  title: string;
  severity: string;
  status: string;
  impact: string;
  commander: string;
  service: string;
  createdAt: number;
  level: SeverityLevel | null;
}

/**
 * An incident's entries of `kinds` kinds (as many `?` after the incident id), oldest first. The unary + keeps SQLite
 * from walking the (incident_id, at, id) index to spare the sort: that read every entry of the incident (the
 * 20,000 notes of a long night) on each timer check, list and tray refresh, to find the few that timers read.
 */
export function timelineOfKindsSql(kinds: number): string {
  const marks = Array.from({ length: kinds }, () => '?').join(',');
  return `SELECT * FROM timeline WHERE incident_id = ? AND kind IN (${marks}) ORDER BY +at, +id`;
}

// Persistence only: the workflow plans decide what changes; this writes it.
export class IncidentStore {
  private readonly insertIncident;
  private readonly insertEntry;
  private readonly selectIncident;
  private readonly selectTimeline;
  private readonly selectTail;
  private readonly selectAnchor;
  private readonly selectBefore;
  private readonly countTimeline;
  private readonly selectAll;
  // Statements whose text depends on how many values an IN list takes, prepared once per shape.
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {
    this.insertIncident = db.prepare(
      `INSERT INTO incidents(title, severity, status, impact, commander, service, created_at, updated_at, status_changed_at, level)
       VALUES (@title, @severity, @status, @impact, @commander, @service, @createdAt, @createdAt, @createdAt, @level)`,
    );
    this.insertEntry = db.prepare('INSERT INTO timeline(incident_id, at, kind, actor, text, data) VALUES (?, ?, ?, ?, ?, ?)');
    this.selectIncident = db.prepare('SELECT * FROM incidents WHERE id = ?');
    this.selectTimeline = db.prepare('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at, id');
    this.selectTail = db.prepare('SELECT * FROM timeline WHERE incident_id = ? ORDER BY at DESC, id DESC LIMIT ?');
    this.selectAnchor = db.prepare('SELECT at FROM timeline WHERE id = ? AND incident_id = ?');
    this.selectBefore = db.prepare(
      'SELECT * FROM timeline WHERE incident_id = ? AND (at < ? OR (at = ? AND id < ?)) ORDER BY at DESC, id DESC LIMIT ?',
    );
    this.countTimeline = db.prepare('SELECT count(*) AS n FROM timeline WHERE incident_id = ?');
    this.selectAll = db.prepare('SELECT * FROM incidents ORDER BY created_at DESC, id DESC LIMIT ?');
  }

  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.prepared.set(sql, statement);
    }
    return statement;
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  insert(incident: NewIncident): number {
    const { title, severity, status, impact, commander, service, createdAt } = incident;
    return Number(
      this.insertIncident.run({ title, severity, status, impact, commander, service, createdAt, level: columnValue('level', incident.level) }).lastInsertRowid,
    );
  }

  apply(id: number, updates: IncidentUpdates | Record<string, unknown>, at: number): void {
    const entries = Object.entries(updates).filter(([key]) => key in UPDATE_COLUMNS) as [keyof typeof UPDATE_COLUMNS, unknown][];
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${UPDATE_COLUMNS[key]} = ?`);
    this.db.prepare(`UPDATE incidents SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...entries.map(([k, v]) => columnValue(k, v)), at, id);
  }

  /**
   * Incidents from before levels were kept take theirs from `scheme`, the one in force as they are
   * first read after the upgrade. Severities the scheme does not know stay without a level.
   */
  fillMissingLevels(scheme: SeverityScheme): number {
    const fill = this.db.prepare('UPDATE incidents SET level = ? WHERE level IS NULL AND severity = ? COLLATE NOCASE');
    return this.transaction(() => scheme.levels.reduce((n, level) => n + fill.run(JSON.stringify(level), level.key).changes, 0));
  }

  setRoles(id: number, roles: Record<string, string>, at: number): void {
    this.db.prepare('UPDATE incidents SET roles = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(roles), at, id);
  }

  append(id: number, entries: NewTimelineEntry[]): TimelineEntry[] {
    return entries.map((e) => {
      const data = e.data === undefined ? null : JSON.stringify(e.data);
      const { lastInsertRowid } = this.insertEntry.run(id, e.at, e.kind, e.actor, e.text, data);
      const entry: TimelineEntry = { id: Number(lastInsertRowid), incidentId: id, at: e.at, kind: e.kind, actor: e.actor, text: e.text };
      if (e.data !== undefined) entry.data = e.data;
      return entry;
    });
  }

  get(id: number): Incident {
    const row = this.selectIncident.get(id) as IncidentRow | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no incident #${id}.`);
    return toIncident(row);
  }

  timeline(id: number): TimelineEntry[] {
    return (this.selectTimeline.all(id) as TimelineRow[]).map(toTimelineEntry);
  }

  // The newest `limit` entries, oldest first: what a window shows first.
  timelineTail(id: number, limit: number): TimelineEntry[] {
    const rows = this.selectTail.all(id, limit) as TimelineRow[];
    return rows.reverse().map(toTimelineEntry);
  }

  // The page of `limit` entries just before entry `beforeId`, oldest first.
  timelineBefore(id: number, beforeId: number, limit: number): TimelineEntry[] {
    const anchor = this.selectAnchor.get(beforeId, id) as { at: number } | undefined;
    if (!anchor) return [];
    const rows = this.selectBefore.all(id, anchor.at, anchor.at, beforeId, limit) as TimelineRow[];
    return rows.reverse().map(toTimelineEntry);
  }

  timelineCount(id: number): number {
    return (this.countTimeline.get(id) as { n: number }).n;
  }

  // Only the entry kinds that timers read, through the (incident_id, kind) index: cheap even for huge incidents.
  timelineOfKinds(id: number, kinds: readonly string[]): TimelineEntry[] {
    return (this.statement(timelineOfKindsSql(kinds.length)).all(id, ...kinds) as TimelineRow[]).map(toTimelineEntry);
  }

  list(statuses: string[] | null, limit: number): Incident[] {
    if (statuses === null) return (this.selectAll.all(limit) as IncidentRow[]).map(toIncident);
    const marks = statuses.map(() => '?').join(',');
    return (
      this.statement(`SELECT * FROM incidents WHERE status IN (${marks}) ORDER BY created_at DESC, id DESC LIMIT ?`).all(...statuses, limit) as IncidentRow[]
    ).map(toIncident);
  }

  // Open incidents, and resolved ones whose post-fix watch may still be running.
  listWithTimers(openStatuses: string[], resolvedSince: number): Incident[] {
    const marks = openStatuses.map(() => '?').join(',');
    return (
      this.statement(`SELECT * FROM incidents WHERE status IN (${marks}) OR resolved_at >= ? ORDER BY created_at DESC`).all(...openStatuses, resolvedSince) as IncidentRow[]
    ).map(toIncident);
  }

  markTimersChecked(id: number, at: number): void {
    this.db.prepare('UPDATE incidents SET timers_checked_at = ? WHERE id = ?').run(at, id);
  }

  timersCheckedAt(id: number): number | null {
    return (this.db.prepare('SELECT timers_checked_at AS t FROM incidents WHERE id = ?').get(id) as { t: number | null } | undefined)?.t ?? null;
  }
}
