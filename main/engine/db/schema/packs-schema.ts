import type { Migration } from '../migration-types';

export const PACKS_MIGRATIONS: readonly Migration[] = [
  {
    version: 7,
    name: 'runbook packs',
    sql: `
      CREATE TABLE runbook_packs (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        service TEXT NOT NULL,
        file_name TEXT,
        content TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );
      -- Re-importing the same file for the same service updates its pack instead of adding one.
      CREATE UNIQUE INDEX runbook_packs_by_source ON runbook_packs(service, coalesce(file_name, name));
      CREATE INDEX runbook_packs_by_service ON runbook_packs(service);
    `,
  },
];
