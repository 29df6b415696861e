import type { Migration } from '../migration-types';

export const RUNS_MIGRATIONS: readonly Migration[] = [
  {
    version: 4,
    name: 'SSH hosts added in the app, team procedures, procedure runs and their steps',
    sql: `
      CREATE TABLE ssh_hosts (
        alias TEXT PRIMARY KEY,
        host_name TEXT NOT NULL,
        user TEXT,
        port INTEGER,
        identity_file TEXT,
        proxy_jump TEXT,
        created_at INTEGER NOT NULL,
        created_by TEXT NOT NULL
      );
      CREATE TABLE procedures (
        id TEXT PRIMARY KEY,
        -- As written (YAML or JSON), validated before it is stored.
        source TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL
      );
      CREATE TABLE runs (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER REFERENCES incidents(id) ON DELETE SET NULL,
        procedure_id TEXT NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        hosts TEXT NOT NULL,
        params TEXT NOT NULL,
        actor TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        error TEXT,
        host_results TEXT NOT NULL DEFAULT '[]',
        monitoring TEXT,
        output_dir TEXT NOT NULL,
        -- The process running it, so a run left "running" by a crash is told apart from one still going.
        pid INTEGER NOT NULL
      );
      CREATE INDEX runs_by_incident ON runs(incident_id, started_at);
      CREATE INDEX runs_by_status ON runs(status) WHERE status = 'running';
      CREATE TABLE run_steps (
        run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        host TEXT NOT NULL,
        step_index INTEGER NOT NULL,
        title TEXT NOT NULL,
        kind TEXT NOT NULL,
        target TEXT,
        command TEXT NOT NULL,
        status TEXT NOT NULL,
        exit_code INTEGER,
        signal TEXT,
        started_at INTEGER,
        duration_ms INTEGER,
        destructive INTEGER NOT NULL,
        needs_confirmation INTEGER NOT NULL,
        reasons TEXT NOT NULL DEFAULT '[]',
        confirmed_with TEXT,
        captured TEXT,
        error TEXT,
        -- Beginning and end of each stream; the whole output is in output_file.
        stdout TEXT NOT NULL DEFAULT '',
        stderr TEXT NOT NULL DEFAULT '',
        output_bytes INTEGER NOT NULL DEFAULT 0,
        truncated INTEGER NOT NULL DEFAULT 0,
        output_file TEXT,
        PRIMARY KEY (run_id, host, step_index)
      );
    `,
  },
];
