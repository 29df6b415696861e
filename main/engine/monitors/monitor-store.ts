import type Database from 'better-sqlite3';
import { z } from 'zod';
import { MonitorFields, RecentResult } from '../../../preload/contract';

export type LastResult = RecentResult;

export interface MonitorRow {
  id: number;
  name: string;
  source: 'file' | 'app';
  fields: MonitorFields | null;
  state: string | null;
  lastResult: LastResult | null;
  incidentId: number | null;
}

interface RawRow {
  id: number;
  name: string;
  source: 'file' | 'app';
  fields: string | null;
  state: string | null;
  last_result: string | null;
  incident_id: number | null;
}

// The monitors table: identity (a stable id per name), app-made definitions and persisted state.
export class MonitorStore {
  private readonly selectLive;
  private readonly saveStateStmt;

  constructor(private readonly db: Database.Database) {
    this.selectLive = db.prepare('SELECT * FROM monitors WHERE deleted_at IS NULL ORDER BY id');
    this.saveStateStmt = db.prepare('UPDATE monitors SET state = ?, last_result = ? WHERE id = ?');
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  live(): MonitorRow[] {
    return (this.selectLive.all() as RawRow[]).map(toRow);
  }

  row(id: number): MonitorRow | undefined {
    const raw = this.db.prepare('SELECT * FROM monitors WHERE id = ? AND deleted_at IS NULL').get(id) as RawRow | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /**
   * The id of the file monitor called `name`: its live row, else the newest retired file row of that
   * name (so a monitor commented out and back keeps its history), else a new row. Null when a monitor
   * made in the app already uses the name.
   */
  ensureFileMonitor(name: string, now: number): number | null {
    const live = this.db.prepare('SELECT id, source FROM monitors WHERE name = ? AND deleted_at IS NULL').get(name) as { id: number; source: string } | undefined;
    if (live) return live.source === 'file' ? live.id : null;
    const retired = this.db.prepare("SELECT id FROM monitors WHERE name = ? AND source = 'file' ORDER BY id DESC LIMIT 1").get(name) as { id: number } | undefined;
    if (retired) {
      this.db.prepare('UPDATE monitors SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(now, retired.id);
      return retired.id;
    }
    const { lastInsertRowid } = this.db
      .prepare("INSERT INTO monitors(name, source, created_at, updated_at) VALUES (?, 'file', ?, ?)")
      .run(name, now, now);
    return Number(lastInsertRowid);
  }

  /** Retires file monitors no longer in the file; their history ages out with the retention. */
  retireFileMonitors(keep: Set<number>, now: number): number[] {
    const rows = this.db.prepare("SELECT id FROM monitors WHERE source = 'file' AND deleted_at IS NULL").all() as { id: number }[];
    const retired = rows.map((r) => r.id).filter((id) => !keep.has(id));
    const retire = this.db.prepare('UPDATE monitors SET deleted_at = ? WHERE id = ?');
    for (const id of retired) retire.run(now, id);
    return retired;
  }

  nameTaken(name: string, exceptId?: number): boolean {
    const row = this.db.prepare('SELECT id FROM monitors WHERE name = ? AND deleted_at IS NULL').get(name) as { id: number } | undefined;
    return row !== undefined && row.id !== exceptId;
  }

  insertApp(fields: MonitorFields, now: number): number {
    const { lastInsertRowid } = this.db
      .prepare("INSERT INTO monitors(name, source, fields, created_at, updated_at) VALUES (?, 'app', ?, ?, ?)")
      .run(fields.name, JSON.stringify(fields), now, now);
    return Number(lastInsertRowid);
  }

  updateApp(id: number, fields: MonitorFields, now: number): void {
    this.db.prepare('UPDATE monitors SET name = ?, fields = ?, updated_at = ? WHERE id = ?').run(fields.name, JSON.stringify(fields), now, id);
  }

  /** Soft delete: results stay until the retention removes them, so deleting never scans history. */
  delete(id: number, now: number): boolean {
    return this.db.prepare('UPDATE monitors SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now, id).changes > 0;
  }

  saveState(id: number, state: unknown, lastResult: LastResult | null): void {
    this.saveStateStmt.run(JSON.stringify(state), lastResult ? JSON.stringify(lastResult) : null, id);
  }

  setIncident(id: number, incidentId: number): void {
    this.db.prepare('UPDATE monitors SET incident_id = ? WHERE id = ?').run(incidentId, id);
  }
}

function toRow(raw: RawRow): MonitorRow {
  return {
    id: raw.id,
    name: raw.name,
    source: raw.source,
    fields: raw.fields ? parseOrNull(raw.fields, MonitorFields) : null,
    state: raw.state,
    lastResult: raw.last_result ? parseOrNull(raw.last_result, RecentResult) : null,
    incidentId: raw.incident_id,
  };
}

// Stored JSON from an older version that no longer fits is dropped rather than breaking the engine.
function parseOrNull<T>(text: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
