import type Database from 'better-sqlite3';
import type { Migration } from './migration-types';
import { ALL_MIGRATIONS } from './schema';

export type { Migration };

// Each area of the engine owns its migrations in db/schema/; versions are global and contiguous.
export const MIGRATIONS: readonly Migration[] = checkedOrder(ALL_MIGRATIONS);

export const LATEST_SCHEMA = MIGRATIONS[MIGRATIONS.length - 1].version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

// Each migration and its version bump commit together, so a crash never leaves a half-applied step.
export function applyMigrations(
  db: Database.Database,
  appVersion: string,
  upTo: number = LATEST_SCHEMA,
  now: () => number = Date.now,
): number[] {
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= schemaVersion(db) || migration.version > upTo) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      if (hasHistoryTable(db)) {
        db.prepare('INSERT INTO schema_history(version, name, applied_at, app_version) VALUES (?, ?, ?, ?)').run(
          migration.version,
          migration.name,
          now(),
          appVersion,
        );
      }
      db.pragma(`user_version = ${migration.version}`);
    })();
    applied.push(migration.version);
  }
  return applied;
}

function hasHistoryTable(db: Database.Database): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_history'").get();
}

function checkedOrder(list: readonly Migration[]): readonly Migration[] {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Schema migrations must be numbered 1..n without gaps; found ${m.version} at position ${i + 1}.`);
  });
  return sorted;
}
