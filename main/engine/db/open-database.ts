import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { applyMigrations, LATEST_SCHEMA, schemaVersion } from './migrations';
import { preparePrivateDataDir } from './private-files';
import { StoreError, storeFailure } from './store-error';

// 'TRAY' in ASCII: lets us tell our own database from any other SQLite file.
export const APPLICATION_ID = 0x54524159;
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  schemaVersion: number;
  migrated: number[];
}

export function openDatabase(file: string, appVersion: string): OpenedDatabase {
  refuseNonSqlite(file);
  try {
    preparePrivateDataDir(path.dirname(file), file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'EROFS' ? 'it is on a read-only disk' : code === 'ENOSPC' ? 'its disk is full' : (err as Error).message;
    throw new StoreError(`Cannot prepare the data directory ${path.dirname(file)}: ${why}. Check that it is yours and writable, or choose another --data-dir.`);
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw storeFailure(err, file) ?? new StoreError(`Cannot open the database ${file}: ${(err as Error).message}. Check the file's permissions or choose another --data-dir.`);
  }
  try {
    configure(db, file);
    const migrated = applyMigrations(db, appVersion);
    return { db, file, schemaVersion: schemaVersion(db), migrated };
  } catch (err) {
    db.close();
    throw storeFailure(err, file) ?? err;
  }
}

function refuseNonSqlite(file: string): void {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return; // a missing file is created fresh
  }
  try {
    const header = Buffer.alloc(16);
    const read = fs.readSync(fd, header, 0, 16, 0);
    if (read === 0) return;
    if (read < 16 || header.toString('latin1') !== SQLITE_HEADER) {
      throw new StoreError(
        `${file} is not a SQLite database, so Trayage will not touch it. Move the file away or start with --data-dir pointing at an empty directory.`,
      );
    }
  } finally {
    fs.closeSync(fd);
  }
}

function configure(db: Database.Database, file: string): void {
  const version = schemaVersion(db);
  const appId = db.pragma('application_id', { simple: true }) as number;
  const hasTables = !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").get();
  if (hasTables && appId !== APPLICATION_ID) {
    throw new StoreError(
      `${file} is a SQLite database of another application, not a Trayage database. Move it away or choose another --data-dir.`,
    );
  }
  if (version > LATEST_SCHEMA) {
    throw new StoreError(
      `${file} was written by a newer version of Trayage (schema ${version}; this version knows up to ${LATEST_SCHEMA}). Upgrade Trayage, or use another --data-dir; the file was left untouched.`,
    );
  }
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode keeps every committed transaction across a process crash; only an OS crash can lose the last ones.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!hasTables) db.pragma(`application_id = ${APPLICATION_ID}`);
}
