import type { Migration } from '../migration-types';

export const INCIDENT_HISTORY_MIGRATIONS: readonly Migration[] = [
  {
    version: 9,
    name: 'severity level kept with each incident, checklist sources, post-mortem action items',
    sql: `
      -- The level (JSON) as declared or re-rated, so choosing another scheme leaves the incident as it
      -- was rated. Incidents from before are filled on the next start from the scheme then in force:
      -- that may be the app's default scheme, which the database does not hold.
      ALTER TABLE incidents ADD COLUMN level TEXT;

      -- Imported lists were all marked phase 'runbook'; they were attached on declaration, so they
      -- belong to the incident's working lists.
      ALTER TABLE checklists ADD COLUMN source TEXT NOT NULL DEFAULT 'built-in';
      UPDATE checklists SET source = 'runbook', phase = 'during' WHERE phase = 'runbook';

      CREATE TABLE postmortem_actions (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        owner TEXT NOT NULL DEFAULT '',
        -- YYYY-MM-DD
        due TEXT,
        done_at INTEGER,
        done_by TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE INDEX postmortem_actions_by_incident ON postmortem_actions(incident_id, id);
    `,
  },
];
