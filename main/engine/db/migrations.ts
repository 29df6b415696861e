import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Append only: a released migration is never edited, so older files upgrade the same way everywhere.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'incidents and timeline',
    sql: `
      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        severity TEXT NOT NULL,
        status TEXT NOT NULL,
        impact TEXT NOT NULL DEFAULT '',
        commander TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        resolved_at INTEGER
      );
      CREATE TABLE timeline (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        actor TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX timeline_by_incident ON timeline(incident_id, at, id);
    `,
  },
  {
    version: 2,
    name: 'service, acknowledgement and status clock',
    sql: `
      ALTER TABLE incidents ADD COLUMN service TEXT NOT NULL DEFAULT '';
      ALTER TABLE incidents ADD COLUMN acknowledged_at INTEGER;
      ALTER TABLE incidents ADD COLUMN status_changed_at INTEGER;
      UPDATE incidents SET status_changed_at = updated_at;
      ALTER TABLE timeline ADD COLUMN data TEXT;
      CREATE INDEX incidents_by_created ON incidents(created_at DESC);
      CREATE TABLE schema_history (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        applied_at INTEGER NOT NULL,
        app_version TEXT NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

// Each migration and its version bump commit together, so a crash never leaves a half-applied step.
export function applyMigrations(
  db: Database.Database,
  appVersion: string,
  upTo: number = LATEST_SCHEMA,
  now: () => number = Date.now,
): number[] {
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= schemaVersion(db) || migration.version > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      if (hasHistoryTable(db)) {
        db.prepare('INSERT INTO schema_history(version, name, applied_at, app_version) VALUES (?, ?, ?, ?)').run(
          migration.version,
          migration.name,
          now(),
          appVersion,
        );
      }
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}

function hasHistoryTable(db: Database.Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_history'").get();
}
