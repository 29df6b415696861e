import type Database from 'better-sqlite3';
import type { SecretBox } from './secret-box';

// Named secrets (webhook URLs, tokens) kept sealed in SQLite; plaintext exists only in memory while used.
export class SecretStore {
  constructor(
    private readonly db: Database.Database,
    private readonly box: SecretBox,
    private readonly now: () => number,
  ) {}

  set(name: string, value: string): void {
    this.db
      .prepare('INSERT INTO secrets(name, box, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET box = excluded.box, updated_at = excluded.updated_at')
      .run(name, this.box.seal(value), this.now());
  }

  get(name: string): string | null {
    const row = this.db.prepare('SELECT box FROM secrets WHERE name = ?').get(name) as { box: string } | undefined;
    if (!row) return null;
    try {
      return this.box.open(row.box);
    } catch {
      throw new Error(`The secret '${name}' cannot be opened with this machine's key; enter it again.`);
    }
  }

  has(name: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM secrets WHERE name = ?').get(name);
  }

  delete(name: string): void {
    this.db.prepare('DELETE FROM secrets WHERE name = ?').run(name);
  }
}
