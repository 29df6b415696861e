import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/commands';
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
    expect(help.stdout).toContain('trayage serve [--data-dir DIR] [--port N]');
  });

  it('lists every command in its help and in the README\'s CLI block', () => {
    const help = run('--help').stdout;
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const block = /## CLI\n[\s\S]*?```\n([\s\S]*?)```/.exec(readme)![1];
    for (const command of COMMANDS) {
      expect(help).toContain(command.summary);
      expect(help).toContain(command.usage);
      expect(block).toMatch(new RegExp(`^trayage ${command.name} `, 'm'));
    }
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
    expect(table.stdout).toMatch(/^#1\s+P2\s+investigating\s+0m\s+0\/14\s+update in 29m\s+Disk full on db-1\n$/);
    const json = JSON.parse(run('incidents', '--json', '--data-dir', dir).stdout);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ id: 1, title: 'Disk full on db-1', severity: 'P2', status: 'investigating', checklist: { done: 0, total: 14 } });
    expect(json[0].timers.map((t: { kind: string }) => t.kind)).toEqual(['update', 'ack']);
    expect(json[0].timers[1].dueAt).toBe(json[0].createdAt + 60 * 60_000);
  });

  it('declares, moves and writes the post-mortem of an incident from scripts', () => {
    const d = tempDir();
    const declared = run('declare', '--title', 'Error rate > 5%', '--severity', 'P1', '--service', 'api', '--data-dir', d);
    expect(declared).toMatchObject({ status: 0, stdout: '1\n' });
    expect(run('status', '1', 'identified', '--note', 'bad deploy v2.3', '--data-dir', d)).toMatchObject({ status: 0, stdout: '#1 is now identified\n' });
    expect(run('status', '1', 'resolved', '--data-dir', d).status).toBe(0);
    const out = `${d}/pm.md`;
    expect(run('postmortem', '1', '--out', out, '--data-dir', d)).toMatchObject({ status: 0, stdout: `Wrote ${out}\n` });
    const md = require('node:fs').readFileSync(out, 'utf8');
    expect(md).toMatch(/^# Incident Post-Mortem: Error rate > 5%/);
    expect(md).toContain('bad deploy v2.3');
    expect(md).toContain('- **Services affected**: api');
    expect(run('declare', '--title', 'x', '--data-dir', d)).toMatchObject({ status: 2, stderr: expect.stringContaining('--severity is required') });
    expect(run('declare', '--title', 'x', '--severity', 'P9', '--data-dir', d)).toMatchObject({ status: 1, stderr: expect.stringContaining("Severity 'P9' is not in the scheme") });
    expect(run('status', 'one', 'resolved', '--data-dir', d).status).toBe(2);
    expect(run('status', '7', 'resolved', '--data-dir', d)).toMatchObject({ status: 1, stderr: 'There is no incident #7.\n' });
    removeDir(d);
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
