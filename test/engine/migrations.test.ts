import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openDatabase } from '../../main/engine/db/open-database';
import { applyMigrations, LATEST_SCHEMA } from '../../main/engine/db/migrations';
import { removeDir, tempDir } from '../helpers/temp-dir';

describe('database migrations', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'trayage.db');
  });
  afterEach(() => removeDir(dir));

  it('creates a fresh database at the latest schema in WAL mode', () => {
    const { db, schemaVersion, migrated } = openDatabase(file, 'test');
    expect(schemaVersion).toBe(LATEST_SCHEMA);
    expect(migrated).toEqual(Array.from({ length: LATEST_SCHEMA }, (_, i) => i + 1));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('upgrades a schema-1 database in place and keeps its incidents', () => {
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(old, '0.0.1', 1);
    old.prepare("INSERT INTO incidents(title, severity, status, created_at, updated_at) VALUES ('old outage', 'P2', 'identified', 1000, 2000)").run();
    old.prepare("INSERT INTO timeline(incident_id, at, kind, actor, text) VALUES (1, 1000, 'declared', 'ana', 'Declared')").run();
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();

    const { db, schemaVersion, migrated } = openDatabase(file, 'test');
    expect(schemaVersion).toBe(LATEST_SCHEMA);
    expect(migrated).toEqual(Array.from({ length: LATEST_SCHEMA - 1 }, (_, i) => i + 2));
    const row = db.prepare('SELECT title, service, status_changed_at FROM incidents WHERE id = 1').get();
    expect(row).toEqual({ title: 'old outage', service: '', status_changed_at: 2000 });
    expect(db.prepare('SELECT count(*) AS n FROM timeline').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT version FROM schema_history ORDER BY version').all()).toEqual(
      Array.from({ length: LATEST_SCHEMA - 1 }, (_, i) => ({ version: i + 2 })),
    );
    db.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', () => {
    openDatabase(file, 'test').db.close();
    const newer = new Database(file);
    newer.pragma('user_version = 99');
    newer.close();
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file, 'test')).toThrow(/written by a newer version of Trayage \(schema 99; this version knows up to \d+\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, naming the file', () => {
    fs.writeFileSync(file, 'incident notes, not a database\n'.repeat(20));
    expect(() => openDatabase(file, 'test')).toThrow(`${file} is not a SQLite database`);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^incident notes/);
  });

  it("refuses another application's SQLite database", () => {
    const other = new Database(file);
    other.exec('CREATE TABLE customers(id INTEGER)');
    other.close();
    expect(() => openDatabase(file, 'test')).toThrow(/SQLite database of another application/);
  });
});
