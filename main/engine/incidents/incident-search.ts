import type Database from 'better-sqlite3';
import type { SearchFilters, SearchHit } from '../../../preload/contract';

// Quoting every term keeps FTS5 syntax out of a person's search box: "db-1 OR" is just three words.
export function ftsQuery(text: string): string | null {
  const terms = text.match(/[\p{L}\p{N}_][\p{L}\p{N}_.:@/-]*/gu) ?? [];
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}

// Full-text search over incidents (title, impact, service, commander) and every timeline entry.
export function searchIncidents(db: Database.Database, f: SearchFilters): SearchHit[] {
  const where: string[] = [];
  const args: unknown[] = [];
  if (f.severity) where.push('i.severity = ?') && args.push(f.severity);
  if (f.status) where.push('i.status = ?') && args.push(f.status);
  if (f.service) where.push('i.service = ?') && args.push(f.service);
  if (f.from !== undefined) where.push('i.created_at >= ?') && args.push(f.from);
  if (f.to !== undefined) where.push('i.created_at < ?') && args.push(f.to);
  const filter = where.length ? `AND ${where.join(' AND ')}` : '';
  const match = ftsQuery(f.query);
  const columns = 'i.id AS incidentId, i.title, i.severity, i.status, i.created_at AS createdAt';
  if (match === null) {
    return db
      .prepare(`SELECT ${columns}, '' AS snippet, NULL AS entryId FROM incidents i WHERE 1 = 1 ${filter} ORDER BY i.created_at DESC LIMIT ?`)
      .all(...args, f.limit) as SearchHit[];
  }
  const incidentHits = db
    .prepare(
      `SELECT ${columns}, snippet(incident_search, -1, '[', ']', '…', 12) AS snippet, NULL AS entryId
       FROM incident_search s JOIN incidents i ON i.id = s.rowid
       WHERE incident_search MATCH ? ${filter} ORDER BY rank LIMIT ?`,
    )
    .all(match, ...args, f.limit) as SearchHit[];
  const entryHits = db
    .prepare(
      `SELECT ${columns}, snippet(timeline_search, 0, '[', ']', '…', 12) AS snippet, t.id AS entryId
       FROM timeline_search s JOIN timeline t ON t.id = s.rowid JOIN incidents i ON i.id = t.incident_id
       WHERE timeline_search MATCH ? ${filter} ORDER BY rank LIMIT ?`,
    )
    .all(match, ...args, f.limit) as SearchHit[];
  return [...incidentHits, ...entryHits].slice(0, f.limit);
}
