import type Database from 'better-sqlite3';

export interface StoredPostmortem {
  markdown: string;
  updatedAt: number;
}

export class PostmortemStore {
  constructor(private readonly db: Database.Database) {}

  get(incidentId: number): StoredPostmortem | null {
    return (
      (this.db.prepare('SELECT markdown, updated_at AS updatedAt FROM postmortems WHERE incident_id = ?').get(incidentId) as StoredPostmortem | undefined) ??
      null
    );
  }

  save(incidentId: number, markdown: string, actor: string, at: number): void {
    this.db
      .prepare(
        `INSERT INTO postmortems(incident_id, markdown, updated_at, updated_by) VALUES (?, ?, ?, ?)
         ON CONFLICT(incident_id) DO UPDATE SET markdown = excluded.markdown, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(incidentId, markdown, at, actor);
  }

  delete(incidentId: number): void {
    this.db.prepare('DELETE FROM postmortems WHERE incident_id = ?').run(incidentId);
  }
}
