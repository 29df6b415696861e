import type { Migration } from '../migration-types';

export const ESCALATION_MIGRATIONS: readonly Migration[] = [
  {
    version: 12,
    name: 'escalation chains: incidents followed, steps fired, on-call handoffs',
    sql: `
      -- Incidents whose level has an escalation chain, followed until the chain is over.
      CREATE TABLE escalation_chains (
        incident_id INTEGER PRIMARY KEY REFERENCES incidents(id) ON DELETE CASCADE,
        ended_at INTEGER
      );
      -- One row per step that fired (or was passed over): claimed before anything is sent, so a step
      -- fires once across restarts and engines.
      CREATE TABLE escalation_steps (
        incident_id INTEGER NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
        step INTEGER NOT NULL,
        at INTEGER NOT NULL,
        target TEXT NOT NULL,
        people TEXT NOT NULL,
        channel TEXT,
        skipped TEXT,
        PRIMARY KEY (incident_id, step)
      );
      -- Each on-call handoff announced, by the moment it happens.
      CREATE TABLE oncall_handoffs (at INTEGER PRIMARY KEY, from_person TEXT, to_person TEXT NOT NULL, announced_at INTEGER NOT NULL);
    `,
  },
];
