import type { Migration } from '../migration-types';

// Append only: a released migration is never edited, so older files upgrade the same way everywhere.
export const CORE_MIGRATIONS: readonly Migration[] = [
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

