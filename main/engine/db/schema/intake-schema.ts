import type { Migration } from '../migration-types';

export const INTAKE_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    name: 'incident intake: integrations with hashed tokens, alerts received by dedupe key',
    sql: `
      -- Only a hash of each token is kept: the token itself is shown once, when it is made.
      CREATE TABLE intake_integrations (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_used_at INTEGER
      );
      -- Which incident an alert (by its dedupe key, per integration) opened, and its last known state,
      -- so a re-sent alert finds its incident instead of opening another.
      CREATE TABLE intake_alerts (
        integration TEXT NOT NULL,
        dedupe_key TEXT NOT NULL,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        state TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (integration, dedupe_key, incident_id)
      );
      CREATE INDEX intake_alerts_by_incident ON intake_alerts(incident_id);
    `,
  },
];
