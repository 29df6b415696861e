import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from '../monitors/engine-helpers';
import { startHttp, type TestServer } from '../monitors/helpers/servers';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { cli } from './cli-process';

// The built `trayage notices` reads the notices an engine that ran the monitors recorded.
describe('trayage notices', () => {
  const dir = tempDir();
  let server: TestServer;

  beforeAll(async () => {
    server = await startHttp((req, res) => {
      res.statusCode = req.url === '/db' ? 503 : 200;
      res.end('{}');
    });
    const config = writeConfig(dir, [
      { name: 'db primary', url: `${server.url}/db`, interval: '1s', jitter: '0s', 'failure-threshold': 1, severity: 'P1' },
      { name: 'cache', url: `${server.url}/db`, interval: '1s', jitter: '0s', 'failure-threshold': 1 },
    ]);
    const shown = recorder();
    const engine = monitoringEngine(dir, config, { deliver: shown.deliver });
    try {
      // The cache is snoozed before it is checked: its notice is recorded, not shown.
      await call(engine, 'notifications.snooze', { scope: `monitor:${(await monitorNamed(engine, 'cache')).id}`, minutes: 60 });
      await waitFor('the db notice shown and the cache notice recorded', async () => {
        const { notices } = await call(engine, 'notifications.list', {});
        return notices.length === 2 && notices.every((n: { state: string }) => n.state === 'shown' || n.state === 'snoozed');
      });
    } finally {
      engine.close();
    }
  });
  afterAll(async () => {
    await server.close();
    removeDir(dir);
  });

  it('lists each notice, newest first, with its age, severity, title and what became of it; the same as JSON', async () => {
    const { code, stdout, stderr } = await cli('notices', '--data-dir', dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((line) => line.includes('db primary'))).toMatch(/^0m\s+P1\s+db primary is down\s+Shown on the desktop$/);
    expect(lines.find((line) => line.includes('cache'))).toMatch(/^0m\s+-\s+cache is down\s+Snoozed: recorded, not shown$/);

    const notShown = await cli('notices', '--not-shown', '--data-dir', dir);
    expect(notShown.stdout).toMatch(/^0m\s+-\s+cache is down\s+Snoozed: recorded, not shown\n$/);

    const searched = await cli('notices', '--search', 'PRIMARY', '--data-dir', dir);
    expect(searched.stdout).toMatch(/^0m\s+P1\s+db primary is down\s+Shown on the desktop\n$/);
    const none = await cli('notices', '--search', 'primary', '--not-shown', '--data-dir', dir);
    expect(none).toMatchObject({ code: 0, stdout: "No notices not shown with 'primary' in their title or text.\n" });

    const json = JSON.parse((await cli('notices', '--json', '--limit', '1', '--data-dir', dir)).stdout);
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({ title: expect.stringMatching(/is down$/), body: expect.stringContaining(`${server.url}/db`) });
  });

  it('says what --limit takes, without a stack trace', async () => {
    const { code, stderr } = await cli('notices', '--limit', 'all', '--data-dir', dir);
    expect(code).toBe(2);
    expect(stderr).toContain("--limit must be a whole number from 1 to 1000, not 'all'.");
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
