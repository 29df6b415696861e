import type { Migration } from '../migration-types';

export const CHANNELS_MIGRATIONS: readonly Migration[] = [
  {
    version: 11,
    name: 'channels of every kind, channel outbox and per-incident channel memory',
    sql: `
      -- update_channels allowed only Slack and JSON hooks; channels keep any kind and its settings
      -- (JSON, checked by the kind's schema). Secrets stay in the secrets table under the same ids.
      CREATE TABLE channels (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        config TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
      );
      INSERT INTO channels(id, name, kind, config, created_at) SELECT id, name, kind, '{}', created_at FROM update_channels;
      DROP TABLE update_channels;

      -- Every message for a channel is recorded here first and delivered once by whichever engine
      -- holds its lease. Per channel and incident, a row waits until every earlier one is sent or
      -- given up on, so a "create" always goes before its "update".
      CREATE TABLE channel_outbox (
        id INTEGER PRIMARY KEY,
        channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        event TEXT NOT NULL,
        text TEXT NOT NULL,
        subject TEXT,
        recipient TEXT,
        actor TEXT NOT NULL,
        template_id TEXT,
        created_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER,
        claimed_by TEXT,
        lease_until INTEGER,
        sent_at INTEGER,
        gave_up_at INTEGER,
        last_error TEXT,
        summary TEXT
      );
      CREATE INDEX channel_outbox_open ON channel_outbox(channel_id, incident_id, id) WHERE sent_at IS NULL AND gave_up_at IS NULL;
      CREATE INDEX channel_outbox_due ON channel_outbox(next_attempt_at) WHERE sent_at IS NULL AND gave_up_at IS NULL;

      -- What a kind keeps between sends for one incident (a status page incident's id, an issue
      -- number) and the link shown on the incident.
      CREATE TABLE channel_memory (
        channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        memory TEXT NOT NULL,
        link TEXT,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (channel_id, incident_id)
      );
    `,
  },
];
