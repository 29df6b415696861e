import type { Migration } from '../migration-types';

export const ALERTS_MIGRATIONS: readonly Migration[] = [
  {
    version: 6,
    name: 'alerts linked to incidents, sources added in the app',
    sql: `
      CREATE TABLE alert_links (
        source TEXT NOT NULL,
        alert_key TEXT NOT NULL,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (source, alert_key, incident_id)
      );
      CREATE INDEX alert_links_by_incident ON alert_links(incident_id);
      -- Sources added in the app (those in the config file are read from it); tokens live in secrets.
      CREATE TABLE alert_sources (name TEXT PRIMARY KEY, definition TEXT NOT NULL, created_at INTEGER NOT NULL);
    `,
  },
];
