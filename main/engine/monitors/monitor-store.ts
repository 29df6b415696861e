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

/** The ids a monitors file gets: one per name, or null for a name a monitor made in the app holds. */
export interface FileClaim {
  ids: Map<string, { id: number; created: boolean } | null>;
  retired: number[];
}

interface IdentityRow {
  id: number;
  name: string;
  source: 'file' | 'app';
  deleted_at: number | null;
}

// Rows per INSERT: 3 parameters each stays far below SQLite's limit of 32,766.
const INSERT_BATCH = 500;

// The monitors table: identity (a stable id per name), app-made definitions and persisted state.
export class MonitorStore {
  private readonly selectLive;
  private readonly saveStateStmt;
  private readonly selectRow;
  private readonly selectIdentities;
  private readonly reviveStmt;
  private readonly retireStmt;
  private readonly insertFileStmt;
  private readonly insertBatchStmt;

  constructor(private readonly db: Database.Database) {
    this.selectLive = db.prepare('SELECT * FROM monitors WHERE deleted_at IS NULL ORDER BY id');
    this.saveStateStmt = db.prepare('UPDATE monitors SET state = ?, last_result = ? WHERE id = ?');
    this.selectRow = db.prepare('SELECT * FROM monitors WHERE id = ? AND deleted_at IS NULL');
    this.selectIdentities = db.prepare('SELECT id, name, source, deleted_at FROM monitors ORDER BY id');
    // Ids arrive as one JSON array: a file of 100,000 monitors revives or retires them in a few statements.
    this.reviveStmt = db.prepare('UPDATE monitors SET deleted_at = NULL, updated_at = ? WHERE id IN (SELECT value FROM json_each(?))');
    this.retireStmt = db.prepare('UPDATE monitors SET deleted_at = ? WHERE id IN (SELECT value FROM json_each(?))');
    this.insertFileStmt = db.prepare("INSERT INTO monitors(name, source, created_at, updated_at) VALUES (?, 'file', ?, ?)");
    const values = Array.from({ length: INSERT_BATCH }, () => "(?, 'file', ?, ?)").join(', ');
    this.insertBatchStmt = db.prepare(`INSERT INTO monitors(name, source, created_at, updated_at) VALUES ${values} RETURNING id, name`);
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  live(): MonitorRow[] {
    return (this.selectLive.all() as RawRow[]).map(toRow);
  }

  row(id: number): MonitorRow | undefined {
    const raw = this.selectRow.get(id) as RawRow | undefined;
    return raw ? toRow(raw) : undefined;
  }

  /**
   * Gives each name of a monitors file its id: its live row, else the newest retired file row of
   * that name (so a monitor commented out and back keeps its history), else a new row; file
   * monitors no longer named are retired, their history ageing out with the retention. One read of
   * the table and one statement per change, in the caller's transaction: looking each name up
   * instead cost a scan per new name (no index covers retired rows), quadratic in the file's size.
   * New rows are inserted many to a statement, and revived and retired ones updated in one each.
   */
  claimFileMonitors(names: readonly string[], now: number): FileClaim {
    const live = new Map<string, IdentityRow>();
    const retiredFile = new Map<string, number>();
    for (const row of this.selectIdentities.all() as IdentityRow[]) {
      if (row.deleted_at === null) live.set(row.name, row);
      // Ordered by id, so the last one kept is the newest.
      else if (row.source === 'file') retiredFile.set(row.name, row.id);
    }
    const ids: FileClaim['ids'] = new Map();
    const revived: number[] = [];
    const fresh: string[] = [];
    for (const name of names) {
      const row = live.get(name);
      if (row) {
        ids.set(name, row.source === 'file' ? { id: row.id, created: false } : null);
        continue;
      }
      const retired = retiredFile.get(name);
      if (retired !== undefined) {
        revived.push(retired);
        ids.set(name, { id: retired, created: false });
        continue;
      }
      fresh.push(name);
    }
    if (revived.length > 0) this.reviveStmt.run(now, JSON.stringify(revived));
    for (const [name, id] of this.insertFile(fresh, now)) ids.set(name, { id, created: true });
    const retired: number[] = [];
    for (const [name, row] of live) {
      if (row.source === 'file' && !ids.has(name)) retired.push(row.id);
    }
    if (retired.length > 0) this.retireStmt.run(now, JSON.stringify(retired));
    return { ids, retired };
  }

  /** Inserts file monitors by the hundred; returns each name's new id. */
  private insertFile(names: readonly string[], now: number): Map<string, number> {
    const ids = new Map<string, number>();
    let start = 0;
    // Two statements only: full batches, then one row at a time for the rest.
    for (; start + INSERT_BATCH <= names.length; start += INSERT_BATCH) {
      const params = names.slice(start, start + INSERT_BATCH).flatMap((name) => [name, now, now]);
      // RETURNING gives rows in no set order, so each id is matched by its (unique, live) name.
      for (const row of this.insertBatchStmt.all(...params) as { id: number; name: string }[]) ids.set(row.name, row.id);
    }
    for (const name of names.slice(start)) ids.set(name, Number(this.insertFileStmt.run(name, now, now).lastInsertRowid));
    return ids;
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
