import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/engine/engine';
import { CLI } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import pkg from '../../package.json';

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

describe('trayage CLI', () => {
  const dir = tempDir();
  afterAll(() => removeDir(dir));

  it('prints its version and help', () => {
    expect(run('--version')).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/Usage: trayage <command>/);
    expect(help.stdout).toContain('trayage serve [--data-dir DIR] [--port N] [--open]');
  });

  it('exits 2 with usage for an unknown command, a bad flag or a bad port', () => {
    const unknown = run('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^Unknown command 'frobnicate'.\nUsage: trayage/);
    const badFlag = run('incidents', '--colour');
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toMatch(/Unknown option '--colour'[\s\S]*Usage: trayage incidents/);
    expect(run('serve', '--port', 'eighty').stderr).toMatch(/--port must be a number from 0 to 65535, not 'eighty'/);
    expect(run().status).toBe(2);
  });

  it('lists incidents as a table and as JSON', async () => {
    const engine = createEngine({ dataDir: dir, actor: 'ana' });
    await engine.dispatch({ id: 1, method: 'incidents.declare', params: { title: 'Disk full on db-1', severity: 'P2' } });
    engine.close();
    const table = run('incidents', '--data-dir', dir);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^#1\s+P2\s+investigating\s+0m\s+Disk full on db-1\n$/);
    const json = JSON.parse(run('incidents', '--json', '--data-dir', dir).stdout);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: 1, title: 'Disk full on db-1', severity: 'P2', status: 'investigating' });
  });

  it('explains a refused database and exits 1', () => {
    const bad = tempDir();
    require('node:fs').writeFileSync(`${bad}/trayage.db`, 'not sqlite at all, just some text here');
    const res = run('incidents', '--data-dir', bad);
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`${bad}/trayage.db is not a SQLite database`);
    removeDir(bad);
  });
});
