import type Database from 'better-sqlite3';
import type { Pack, PackContent } from '../../../preload/contract';
import { RpcFailure } from '../rpc/rpc-failure';

interface PackRow {
  id: number;
  name: string;
  service: string;
  file_name: string | null;
  content: string;
  updated_at: number;
}

const toPack = (r: PackRow): Pack => ({ id: r.id, name: r.name, service: r.service, fileName: r.file_name, updatedAt: r.updated_at, content: JSON.parse(r.content) });

export class PackStore {
  constructor(private readonly db: Database.Database) {}

  // Same service and same file (or name): the pack is updated, never duplicated.
  upsert(input: { name: string; service: string; fileName: string | null; content: PackContent }, actor: string, at: number): { pack: Pack; created: boolean } {
    const existing = this.db
      .prepare('SELECT id FROM runbook_packs WHERE service = ? AND coalesce(file_name, name) = ?')
      .get(input.service, input.fileName ?? input.name) as { id: number } | undefined;
    if (existing) {
      this.db
        .prepare('UPDATE runbook_packs SET name = ?, content = ?, updated_at = ?, updated_by = ? WHERE id = ?')
        .run(input.name, JSON.stringify(input.content), at, actor, existing.id);
      return { pack: this.get(existing.id), created: false };
    }
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO runbook_packs(name, service, file_name, content, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(input.name, input.service, input.fileName, JSON.stringify(input.content), at, at, actor);
    return { pack: this.get(Number(lastInsertRowid)), created: true };
  }

  get(id: number): Pack {
    const row = this.db.prepare('SELECT * FROM runbook_packs WHERE id = ?').get(id) as PackRow | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no runbook pack #${id}.`);
    return toPack(row);
  }

  list(service?: string): Pack[] {
    const rows = (
      service === undefined
        ? this.db.prepare('SELECT * FROM runbook_packs ORDER BY service, name').all()
        : this.db.prepare('SELECT * FROM runbook_packs WHERE service = ? ORDER BY name').all(service)
    ) as PackRow[];
    return rows.map(toPack);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM runbook_packs WHERE id = ?').run(id).changes > 0;
  }
}
