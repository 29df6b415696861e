import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME } from '../../main/engine/db/data-dir-lock';
import { createEngine, type Engine } from '../../main/engine/engine';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

const mode = (file: string) => fs.statSync(file).mode & 0o777;
const opened: Engine[] = [];
const dirs: string[] = [];
const open = (dataDir: string) => {
  const engine = createEngine({ dataDir, actor: 'ana', deliver: async () => {} });
  opened.push(engine);
  return engine;
};
const newDir = () => {
  const dir = tempDir('trayage-datadir-');
  dirs.push(dir);
  return dir;
};

afterEach(() => {
  for (const engine of opened.splice(0)) engine.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('data directory: private files', () => {
  it('creates the directory 0700 and the database, WAL and SHM 0600', async () => {
    const dir = path.join(newDir(), 'nested', 'data');
    const engine = open(dir);
    await engine.dispatch({ id: 1, method: 'incidents.declare', params: { title: 'disk full', severity: 'P2' } });
    expect(mode(dir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) expect(mode(path.join(dir, `trayage.db${suffix}`))).toBe(0o600);
  });

  it('tightens an existing data directory and database left readable by others', () => {
    const dir = newDir();
    open(dir).close();
    opened.pop();
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'trayage.db'), 0o644);
    open(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'trayage.db'))).toBe(0o600);
  });

  it('leaves a shared directory it did not create alone when it holds no Trayage database', () => {
    const shared = newDir();
    fs.chmodSync(shared, 0o755);
    open(shared);
    expect(mode(shared)).toBe(0o755);
    expect(mode(path.join(shared, 'trayage.db'))).toBe(0o600);
  });
});

describe('data directory: one engine runs the background work', () => {
  it('a second engine in the same process runs none and says so; the first keeps it until closed', async () => {
    const dir = newDir();
    const first = open(dir);
    const second = open(dir);
    expect(first.info.background).toBe(true);
    expect(second.info.background).toBe(false);
    // Short work still goes through the second engine.
    const reply = await second.dispatch({ id: 1, method: 'incidents.declare', params: { title: 'db locked', severity: 'P3' } });
    expect(reply).toMatchObject({ result: { title: 'db locked' } });
    first.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    expect(open(dir).info.background).toBe(true);
  });

  it('takes over a lock left by a process that died', () => {
    const dir = newDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), dead.stdout);
    expect(open(dir).info.background).toBe(true);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(String(process.pid));
  });

  it('an engine beside a running `serve` on the same directory runs no background work', async () => {
    const dir = newDir();
    const serve = await startServe(dir);
    try {
      const engine = open(dir);
      expect(engine.info.background).toBe(false);
      expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).toBe(String(serve.proc.pid));
    } finally {
      await serve.stop();
    }
  });
});
