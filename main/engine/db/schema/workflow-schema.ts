import type { Migration } from '../migration-types';

export const WORKFLOW_MIGRATIONS: readonly Migration[] = [
  {
    version: 3,
    name: 'settings, secrets, notification outbox, checklists, post-mortems, update channels, search',
    sql: `
      CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at INTEGER NOT NULL);
      -- Values are sealed (AES-256-GCM); the key lives in the OS keychain or a 0600 key file, never here.
      CREATE TABLE secrets (name TEXT PRIMARY KEY, box TEXT NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE notifications (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        severity TEXT,
        target TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        last_error TEXT,
        suppressed TEXT
      );
      CREATE INDEX notifications_by_key ON notifications(key, created_at);
      CREATE INDEX notifications_pending ON notifications(next_attempt_at) WHERE sent_at IS NULL AND suppressed IS NULL;

      ALTER TABLE incidents ADD COLUMN eta INTEGER;
      ALTER TABLE incidents ADD COLUMN last_update_at INTEGER;
      ALTER TABLE incidents ADD COLUMN roles TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE incidents ADD COLUMN timers_checked_at INTEGER;
      CREATE INDEX incidents_by_status ON incidents(status, created_at DESC);
      CREATE INDEX timeline_by_kind ON timeline(incident_id, kind);

      CREATE TABLE checklists (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        phase TEXT NOT NULL,
        position INTEGER NOT NULL
      );
      CREATE TABLE checklist_items (
        id INTEGER PRIMARY KEY,
        checklist_id INTEGER NOT NULL REFERENCES checklists(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        position INTEGER NOT NULL,
        done_at INTEGER,
        done_by TEXT
      );
      CREATE INDEX checklist_items_by_list ON checklist_items(checklist_id, position);
      CREATE INDEX checklists_by_incident ON checklists(incident_id, position);

      CREATE TABLE postmortems (
        incident_id INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
        markdown TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );

      CREATE TABLE update_channels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('slack', 'json')),
        created_at INTEGER NOT NULL
      );

      CREATE VIRTUAL TABLE incident_search USING fts5(
        title, impact, service, commander, content='incidents', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER incidents_ai AFTER INSERT ON incidents BEGIN
        INSERT INTO incident_search(rowid, title, impact, service, commander) VALUES (new.id, new.title, new.impact, new.service, new.commander);
      END;
      CREATE TRIGGER incidents_au AFTER UPDATE OF title, impact, service, commander ON incidents BEGIN
        INSERT INTO incident_search(incident_search, rowid, title, impact, service, commander) VALUES ('delete', old.id, old.title, old.impact, old.service, old.commander);
        INSERT INTO incident_search(rowid, title, impact, service, commander) VALUES (new.id, new.title, new.impact, new.service, new.commander);
      END;
      CREATE TRIGGER incidents_ad AFTER DELETE ON incidents BEGIN
        INSERT INTO incident_search(incident_search, rowid, title, impact, service, commander) VALUES ('delete', old.id, old.title, old.impact, old.service, old.commander);
      END;
      INSERT INTO incident_search(rowid, title, impact, service, commander) SELECT id, title, impact, service, commander FROM incidents;

      CREATE VIRTUAL TABLE timeline_search USING fts5(text, content='timeline', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
      CREATE TRIGGER timeline_ai AFTER INSERT ON timeline BEGIN
        INSERT INTO timeline_search(rowid, text) VALUES (new.id, new.text);
      END;
      CREATE TRIGGER timeline_ad AFTER DELETE ON timeline BEGIN
        INSERT INTO timeline_search(timeline_search, rowid, text) VALUES ('delete', old.id, old.text);
      END;
      INSERT INTO timeline_search(rowid, text) SELECT id, text FROM timeline;
    `,
  },
];
