import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from '../monitors/engine-helpers';
import { startHttp, type TestServer } from '../monitors/helpers/servers';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { cli } from './cli-process';

// The built `trayage monitors` reads what an engine that ran the monitors left in the data directory.
describe('trayage monitors', () => {
  const dir = tempDir();
  let server: TestServer;

  beforeAll(async () => {
    server = await startHttp((req, res) => {
      res.statusCode = req.url === '/db' ? 503 : 200;
      res.end('{}');
    });
    const config = writeConfig(dir, [
      { name: 'api', url: `${server.url}/api`, interval: '1s', jitter: '0s' },
      { name: 'db primary', url: `${server.url}/db`, interval: '1s', jitter: '0s', 'failure-threshold': 1, severity: 'P1' },
    ]);
    const engine = monitoringEngine(dir, config, { deliver: recorder().deliver });
    try {
      await waitFor('api up and db primary down', async () => (await monitorNamed(engine, 'api'))?.status === 'up' && (await monitorNamed(engine, 'db primary'))?.status === 'down');
      // Both checks written, not only decided.
      await waitFor('results stored', async () => (await call(engine, 'monitors.get', { id: (await monitorNamed(engine, 'db primary')).id })).recent.length > 0);
    } finally {
      engine.close();
    }
  });
  afterAll(async () => {
    await server.close();
    removeDir(dir);
  });

  it('lists every monitor, the down ones first, with its status, last check, uptime and what is wrong', async () => {
    const { code, stdout, stderr } = await cli('monitors', '--data-dir', dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^DOWN\s+db primary\s+0m ago\s+\d+ ms\s+0\.00% 24h\s+HTTP 503 Service Unavailable \(expected 200-299\)$/);
    expect(lines[1]).toMatch(new RegExp(`^UP\\s+api\\s+0m ago\\s+\\d+ ms\\s+100% 24h\\s+${server.url}/api$`));
  });

  it('shows one monitor: its changes of state and recent checks, and the same as JSON', async () => {
    const { code, stdout } = await cli('monitors', 'db primary', '--data-dir', dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^db primary: DOWN since \d+ \w+ \d{4}, \d\d:\d\d UTC\n/);
    expect(stdout).toContain(`  http ${server.url}/db, every 1 s, severity P1\n`);
    expect(stdout).toMatch(/Uptime {2}24h 0\.00% {2}7d 0\.00% {2}30d 0\.00% {2}90d 0\.00%\n/);
    expect(stdout).toMatch(/Changes of state \(newest first, kept since .*\):\n {2}\d+ \w+ \d{4}, \d\d:\d\d:\d\d UTC\s+DOWN\s+HTTP 503 Service Unavailable \(expected 200-299\)\n/);
    expect(stdout).toMatch(/Recent checks \(newest first\):\n {2}.*FAILED\s+\d+ ms\s+HTTP 503 Service Unavailable/);

    const json = JSON.parse((await cli('monitors', 'db primary', '--json', '--data-dir', dir)).stdout);
    expect(json.monitor).toMatchObject({ name: 'db primary', status: 'down', severity: 'P1' });
    expect(json.events[0]).toMatchObject({ kind: 'down', error: 'HTTP 503 Service Unavailable (expected 200-299)' });
    const list = JSON.parse((await cli('monitors', '--json', '--data-dir', dir)).stdout);
    expect(list.map((m: { name: string; status: string }) => [m.name, m.status])).toEqual([['api', 'up'], ['db primary', 'down']]);
  });

  it('names a monitor it does not know, with the close names, and exits 1', async () => {
    const near = await cli('monitors', 'db', '--data-dir', dir);
    expect(near).toMatchObject({ code: 1, stdout: '', stderr: "No monitor named 'db'. Did you mean 'db primary'?\n" });
    const none = await cli('monitors', 'web', '--data-dir', dir);
    expect(none.stderr).toBe("No monitor named 'web'. `trayage monitors` lists them.\n");
    expect((await cli('monitors', 'a', 'b', '--data-dir', dir)).code).toBe(2);
  });

  it('reads the monitors file given with --config, and says so when it does not load', async () => {
    const moved = path.join(dir, 'elsewhere.yaml');
    fs.writeFileSync(moved, `monitors:\n  - name: api\n    url: ${server.url}/api\n`);
    const lines = (await cli('monitors', '--config', moved, '--data-dir', dir)).stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^UNKNOWN\s+db primary\s.*not in the monitors file any more$/);
    expect(lines[1]).toMatch(/^UP\s+api\s/);

    fs.writeFileSync(moved, 'monitors:\n  - name: [\n');
    const broken = await cli('monitors', '--config', moved, '--data-dir', dir);
    expect(broken.code).toBe(0);
    expect(broken.stdout).toMatch(new RegExp(`^UNKNOWN\\s+api\\s.*the monitors file does not load: ${moved.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`, 'm'));

    const missing = await cli('monitors', '--config', path.join(dir, 'nope.yaml'), '--data-dir', dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`--config: there is no file ${path.join(dir, 'nope.yaml')}.`);
  });
});
