import type { Migration } from '../migration-types';

// Raw results and buckets are keyed by time first: results arrive in time order, so inserts append,
// pruning deletes a range at the start, and rolling up one closed minute reads one short range.
export const MONITORS_MIGRATIONS: readonly Migration[] = [
  {
    version: 5,
    name: 'monitors, their state, raw results and minute/hour/day buckets',
    sql: `
      CREATE TABLE monitors (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('file', 'app')),
        -- The fields as written in the Monitors window; file monitors live in their YAML file.
        fields TEXT,
        state TEXT,
        last_result TEXT,
        incident_id INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      );
      CREATE UNIQUE INDEX monitors_live_name ON monitors(name) WHERE deleted_at IS NULL;

      CREATE TABLE monitor_results (
        at INTEGER NOT NULL,
        monitor_id INTEGER NOT NULL,
        ok INTEGER NOT NULL,
        latency_ms INTEGER NOT NULL,
        status INTEGER,
        error TEXT,
        PRIMARY KEY (at, monitor_id)
      ) WITHOUT ROWID;
      -- Failures are rare: this index stays small and finds a monitor's recent failures at once.
      CREATE INDEX monitor_failures ON monitor_results(monitor_id, at) WHERE ok = 0;

      CREATE TABLE monitor_buckets (
        size INTEGER NOT NULL,
        start INTEGER NOT NULL,
        monitor_id INTEGER NOT NULL,
        count INTEGER NOT NULL,
        failures INTEGER NOT NULL,
        -- Latency of successful checks only, so timeouts do not pass for slow answers.
        latency_min INTEGER,
        latency_sum INTEGER NOT NULL,
        latency_max INTEGER,
        latency_p95 INTEGER,
        PRIMARY KEY (size, start, monitor_id)
      ) WITHOUT ROWID;

      -- Up to when each bucket size has been rolled up; everything before is final.
      CREATE TABLE monitor_rollups (size INTEGER PRIMARY KEY, done_until INTEGER NOT NULL);
    `,
  },
  {
    version: 13,
    name: 'monitor events: the state changes the engine reported',
    sql: `
      -- Rare (a change of state, not a check), so a rowid table: the id orders events of the same
      -- millisecond, and the per-monitor cap and the age retention delete by it.
      CREATE TABLE monitor_events (
        id INTEGER PRIMARY KEY,
        monitor_id INTEGER NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('down', 'up', 'paused', 'resumed', 'flapping', 'flapping-ended')),
        -- down: what failed; up: when the outage began and how long it lasted.
        error TEXT,
        failed_conditions TEXT,
        since INTEGER,
        duration_ms INTEGER,
        -- flapping: changes within duration_ms; flapping-ended: the status it settled on.
        changes INTEGER,
        status TEXT
      );
      CREATE INDEX monitor_events_by_monitor ON monitor_events(monitor_id, at);
      CREATE INDEX monitor_events_by_time ON monitor_events(at);
    `,
  },
];
