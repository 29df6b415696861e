import type Database from 'better-sqlite3';
import type { IntakeKind } from '../../../preload/contract';
import type { AlertStatus, KnownAlert } from './domain/alert-decision';

export interface IntegrationRow {
  name: string;
  kind: IntakeKind;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
}

// Integrations and the alerts they brought in. Read on every request, never cached: the CLI may add
// or rotate an integration while `serve` or the app runs on the same database.
export class IntakeStore {
  constructor(private readonly db: Database.Database) {}

  transaction<T>(work: () => T): T {
    // IMMEDIATE: two engines on one database never both open an incident for the same alert.
    return this.db.transaction(work).immediate();
  }

  integrations(): IntegrationRow[] {
    return this.db.prepare('SELECT * FROM intake_integrations ORDER BY name').all() as IntegrationRow[];
  }

  integrationsOfKind(kind: IntakeKind): IntegrationRow[] {
    return this.db.prepare('SELECT * FROM intake_integrations WHERE kind = ?').all(kind) as IntegrationRow[];
  }

  integration(name: string): IntegrationRow | undefined {
    return this.db.prepare('SELECT * FROM intake_integrations WHERE name = ?').get(name) as IntegrationRow | undefined;
  }

  add(name: string, kind: IntakeKind, tokenHash: string, at: number): void {
    this.db.prepare('INSERT INTO intake_integrations(name, kind, token_hash, created_at) VALUES (?, ?, ?, ?)').run(name, kind, tokenHash, at);
  }

  setTokenHash(name: string, tokenHash: string): void {
    this.db.prepare('UPDATE intake_integrations SET token_hash = ? WHERE name = ?').run(tokenHash, name);
  }

  delete(name: string): boolean {
    return this.db.prepare('DELETE FROM intake_integrations WHERE name = ?').run(name).changes > 0;
  }

  used(name: string, at: number): void {
    this.db.prepare('UPDATE intake_integrations SET last_used_at = ? WHERE name = ?').run(at, name);
  }

  /** The incident an alert key last opened, with the state last received for it. */
  lastAlert(integration: string, dedupeKey: string): Omit<KnownAlert, 'incidentOpen'> | null {
    const row = this.db
      .prepare('SELECT incident_id, state FROM intake_alerts WHERE integration = ? AND dedupe_key = ? ORDER BY received_at DESC, rowid DESC LIMIT 1')
      .get(integration, dedupeKey) as { incident_id: number; state: AlertStatus } | undefined;
    return row ? { incidentId: row.incident_id, state: row.state } : null;
  }

  link(integration: string, dedupeKey: string, incidentId: number, state: AlertStatus, at: number): void {
    this.db
      .prepare(
        `INSERT INTO intake_alerts(integration, dedupe_key, incident_id, state, received_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(integration, dedupe_key, incident_id) DO UPDATE SET state = excluded.state, received_at = excluded.received_at`,
      )
      .run(integration, dedupeKey, incidentId, state, at);
  }

  /** Each incident's dedupe keys, for the incident list. */
  keysOf(incidentIds: number[]): Map<number, string[]> {
    const keys = new Map<number, string[]>();
    if (incidentIds.length === 0) return keys;
    const rows = this.db
      .prepare('SELECT DISTINCT i.incident_id AS id, i.dedupe_key AS key FROM intake_alerts i JOIN json_each(?) j ON j.value = i.incident_id ORDER BY i.dedupe_key')
      .all(JSON.stringify(incidentIds)) as { id: number; key: string }[];
    for (const { id, key } of rows) keys.set(id, [...(keys.get(id) ?? []), key]);
    return keys;
  }
}
