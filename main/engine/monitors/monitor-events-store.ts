import type Database from 'better-sqlite3';
import { MonitorStatus, type MonitorStateChange } from '../../../preload/contract';
import type { StateEvent } from './domain/monitor-state';

/** Events kept per monitor at most; a monitor flapping for months must not grow the table without end. */
export const EVENTS_PER_MONITOR = 1_000;
/** Events `monitors.get` returns. */
export const EVENTS_LISTED = 100;
// Rows deleted per maintenance pass, so an age prune after a long pause never blocks the engine.
const PRUNE_BATCH = 5_000;
const EVENTS_VERSION = 13;

interface EventRow {
  at: number;
  kind: MonitorStateChange['kind'];
  error: string | null;
  failed_conditions: string | null;
  since: number | null;
  duration_ms: number | null;
  changes: number | null;
  status: string | null;
}

/**
 * The state changes a responder reads back: down (after the threshold), up with the outage's length,
 * flapping and its end. Reminders repeat a down and are left out. Null for those.
 */
export function changeOf(event: StateEvent): MonitorStateChange | null {
  switch (event.type) {
    case 'down':
      return { kind: 'down', at: event.at, since: event.since, error: event.error, failedConditions: event.failedConditions };
    case 'recovered':
      return { kind: 'up', at: event.at, since: event.since, outageMs: event.durationMs };
    case 'flapping':
      return { kind: 'flapping', at: event.at, changes: event.changes, windowMs: event.windowMs };
    case 'flapping-ended':
      return { kind: 'flapping-ended', at: event.at, status: event.status };
    default:
      return null;
  }
}

/**
 * The monitor_events table. Deleting a monitor keeps its events, as it keeps its results: the delete
 * is a soft one that never scans history, a file monitor commented out and back keeps its id and
 * its past, and the age retention removes both in the end.
 */
export class MonitorEventsStore {
  private readonly insertStmt;
  private readonly capStmt;
  private readonly listStmt;
  private readonly createdStmt;
  private readonly pruneStmt;
  private recordingSince: number | undefined;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(
      'INSERT INTO monitor_events(monitor_id, at, kind, error, failed_conditions, since, duration_ms, changes, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.capStmt = db.prepare(
      'DELETE FROM monitor_events WHERE id IN (SELECT id FROM monitor_events WHERE monitor_id = ? ORDER BY at DESC, id DESC LIMIT -1 OFFSET ?)',
    );
    this.listStmt = db.prepare('SELECT at, kind, error, failed_conditions, since, duration_ms, changes, status FROM monitor_events WHERE monitor_id = ? ORDER BY at DESC, id DESC LIMIT ?');
    this.createdStmt = db.prepare('SELECT created_at FROM monitors WHERE id = ?').pluck();
    this.pruneStmt = db.prepare('DELETE FROM monitor_events WHERE id IN (SELECT id FROM monitor_events WHERE at < ? ORDER BY at LIMIT ?)');
  }

  /** Writes events in the caller's transaction and trims each monitor written to down to the cap. */
  insert(events: readonly { monitorId: number; change: MonitorStateChange }[]): void {
    const touched = new Set<number>();
    for (const { monitorId, change } of events) {
      this.insertStmt.run(monitorId, change.at, change.kind, ...columnsOf(change));
      touched.add(monitorId);
    }
    for (const id of touched) this.capStmt.run(id, EVENTS_PER_MONITOR);
  }

  /** One monitor's events, newest first. */
  list(monitorId: number, limit = EVENTS_LISTED): MonitorStateChange[] {
    return (this.listStmt.all(monitorId, limit) as EventRow[]).flatMap((row) => {
      const change = toChange(row);
      return change ? [change] : [];
    });
  }

  /** Since when the list is complete: the monitor's creation, the first version that kept events, or the retention's start. */
  since(monitorId: number, keptFrom: number): number {
    this.recordingSince ??= (this.db.prepare('SELECT applied_at FROM schema_history WHERE version = ?').pluck().get(EVENTS_VERSION) as number | undefined) ?? 0;
    const created = (this.createdStmt.get(monitorId) as number | undefined) ?? 0;
    return Math.max(created, this.recordingSince, keptFrom);
  }

  /** Deletes events older than `cutoff`, a batch at a time; returns how many went. */
  prune(cutoff: number): number {
    return this.pruneStmt.run(cutoff, PRUNE_BATCH).changes;
  }
}

type Columns = [error: string | null, failedConditions: string | null, since: number | null, durationMs: number | null, changes: number | null, status: string | null];

function columnsOf(change: MonitorStateChange): Columns {
  switch (change.kind) {
    case 'down':
      return [change.error, JSON.stringify(change.failedConditions), change.since, null, null, null];
    case 'up':
      return [null, null, change.since, change.outageMs, null, null];
    case 'flapping':
      return [null, null, null, change.windowMs, change.changes, null];
    case 'flapping-ended':
      return [null, null, null, null, null, change.status];
    default:
      return [null, null, null, null, null, null];
  }
}

function toChange(row: EventRow): MonitorStateChange | null {
  switch (row.kind) {
    case 'down':
      return { kind: 'down', at: row.at, since: row.since ?? row.at, error: row.error, failedConditions: parseList(row.failed_conditions) };
    case 'up':
      return { kind: 'up', at: row.at, since: row.since ?? row.at, outageMs: row.duration_ms ?? 0 };
    case 'paused':
    case 'resumed':
      return { kind: row.kind, at: row.at };
    case 'flapping':
      return { kind: 'flapping', at: row.at, changes: row.changes ?? 0, windowMs: row.duration_ms ?? 0 };
    case 'flapping-ended': {
      const status = MonitorStatus.safeParse(row.status);
      return { kind: 'flapping-ended', at: row.at, status: status.success ? status.data : 'unknown' };
    }
    default:
      return null;
  }
}

function parseList(text: string | null): string[] {
  try {
    const value: unknown = JSON.parse(text ?? '[]');
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}
