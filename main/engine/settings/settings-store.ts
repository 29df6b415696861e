import type Database from 'better-sqlite3';
import type { z } from 'zod';

// Small JSON documents (the chosen severity scheme, contacts, snoozes) that every area can keep.
export class SettingsStore {
  private readonly select;
  private readonly upsert;

  constructor(db: Database.Database, private readonly now: () => number) {
    this.select = db.prepare('SELECT value FROM settings WHERE key = ?');
    this.upsert = db.prepare(
      'INSERT INTO settings(key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
  }

  // A stored value that no longer fits its schema falls back to the default rather than breaking the engine.
  get<T>(key: string, schema: z.ZodType<T>, fallback: T): T {
    const row = this.select.get(key) as { value: string } | undefined;
    if (!row) return fallback;
    try {
      const parsed = schema.safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : fallback;
    } catch {
      return fallback;
    }
  }

  set(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value), this.now());
  }
}
