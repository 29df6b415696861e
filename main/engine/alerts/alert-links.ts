import type Database from 'better-sqlite3';

// Which incidents were declared from (or linked to) which alert, so firing and resolving land in their timelines.
export class AlertLinks {
  constructor(private readonly db: Database.Database) {}

  link(source: string, key: string, incidentId: number, at: number): void {
    this.db.prepare('INSERT OR IGNORE INTO alert_links(source, alert_key, incident_id, created_at) VALUES (?, ?, ?, ?)').run(source, key, incidentId, at);
  }

  incidents(source: string, key: string): number[] {
    return (this.db.prepare('SELECT incident_id AS id FROM alert_links WHERE source = ? AND alert_key = ?').all(source, key) as { id: number }[]).map((r) => r.id);
  }
}
