import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { applyMigrations } from '../../main/engine/db/migrations';
import { removeDir, tempDir } from '../helpers/temp-dir';

let dir: string;
beforeEach(() => (dir = tempDir()));
afterEach(() => removeDir(dir));

it('keeps the Slack and JSON webhooks of version 10 as channels with the same ids, so their sealed URLs still match', () => {
  const db = new Database(path.join(dir, 'trayage.db'));
  try {
    db.pragma('foreign_keys = ON');
    applyMigrations(db, 'test', 10);
    db.prepare("INSERT INTO update_channels(id, name, kind, created_at) VALUES (4, '#ops', 'slack', 1), (9, 'status-hook', 'json', 2)").run();
    expect(applyMigrations(db, 'test', 11)).toEqual([11]);
    expect(db.prepare('SELECT id, name, kind, config FROM channels ORDER BY id').all()).toEqual([
      { id: 4, name: '#ops', kind: 'slack', config: '{}' },
      { id: 9, name: 'status-hook', kind: 'json', config: '{}' },
    ]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'update_channels'").get()).toBeUndefined();
  } finally {
    db.close();
  }
});
