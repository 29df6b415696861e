import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startHttp, type TestServer } from './helpers/servers';
import { call, monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from './engine-helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function healthServer(): Promise<TestServer & { setHealthy(ok: boolean): void }> {
  let healthy = true;
  const server = await startHttp((_req, res) => {
    res.statusCode = healthy ? 200 : 503;
    res.end(healthy ? 'ready' : 'database unavailable');
  });
  cleanups.push(() => server.close());
  return Object.assign(server, { setHealthy: (ok: boolean) => void (healthy = ok) });
}

function workDir(): string {
  const dir = tempDir();
  cleanups.push(() => removeDir(dir));
  return dir;
}

function open(dir: string, config: string, options: Parameters<typeof monitoringEngine>[2] = {}): Engine {
  const engine = monitoringEngine(dir, config, options);
  cleanups.push(() => engine.close());
  return engine;
}

describe('the monitors area in the engine', () => {
  it('keeps state across a restart: an announced outage is not paged again, and its recovery reports the whole outage', async () => {
    const server = await healthServer();
    const dir = workDir();
    const config = writeConfig(dir, [{ name: 'api', url: `${server.url}/health`, interval: '1s', jitter: '0s', 'failure-threshold': 2 }]);
    const first = recorder();
    let engine = open(dir, config, { deliver: first.deliver });
    await waitFor('api up', async () => (await monitorNamed(engine, 'api'))?.status === 'up');
    server.setHealthy(false);
    await waitFor('a down notice', () => first.titles().includes('api is down for 1s') || first.titles().some((t) => t.startsWith('api is down')));
    const before = await monitorNamed(engine, 'api');
    expect(before).toMatchObject({ status: 'down', lastStatusCode: 503, lastError: 'HTTP 503 Service Unavailable (expected 200-299)' });
    engine.close();

    const second = recorder();
    engine = open(dir, config, { deliver: second.deliver });
    // Before any new check: the stored state says down, since the same moment.
    expect(await monitorNamed(engine, 'api')).toMatchObject({ status: 'down', since: before.since });
    expect(engine.trayState().problems.map((p) => p.label)).toEqual(['api: HTTP 503 Service Unavailable (expected 200-299)']);
    await waitFor('checks after the restart', async () => (await monitorNamed(engine, 'api')).lastCheckAt > before.lastCheckAt + 1500);
    expect(second.titles()).toEqual([]);
    server.setHealthy(true);
    await waitFor('the recovery notice', () => second.titles().includes('api is back up'));
    const downFor = Number(/It was down for (\d+)s/.exec(second.sent[0].body)?.[1]);
    expect(downFor).toBeGreaterThanOrEqual(2);
    const detail = await call(engine, 'monitors.get', { id: before.id, window: '24h' });
    expect(detail.uptime['24h'].failures).toBeGreaterThanOrEqual(2);
    expect(detail.recent[0].ok).toBe(true);
  });

  it('a broken edit of the file is one problem with file:line while the last good monitors keep running', async () => {
    const server = await healthServer();
    const dir = workDir();
    const config = writeConfig(dir, [{ name: 'web', url: `${server.url}/`, interval: '1s', jitter: '0s' }]);
    const engine = open(dir, config, { deliver: recorder().deliver });
    await waitFor('web up', async () => (await monitorNamed(engine, 'web'))?.status === 'up');

    fs.writeFileSync(config, `monitors:\n  - name: web\n    url: ${server.url}/\n    interval: 1s\n    failure-threshold: 0\n`);
    const broken = await waitFor('the problem', async () => {
      const list = await call(engine, 'monitors.list');
      return list.config.issues.length > 0 && list;
    });
    expect(broken.config.issues).toEqual([expect.objectContaining({ file: config, line: 5, monitor: 'web', message: 'failure-threshold must be at least 1, not 0' })]);
    expect(engine.trayState().problems).toEqual([
      expect.objectContaining({ label: "monitors.yaml:5:5: monitor 'web': failure-threshold must be at least 1, not 0", level: 'degraded', target: { kind: 'monitor', id: 'config' } }),
    ]);
    const checkedAt = (await monitorNamed(engine, 'web')).lastCheckAt;
    await waitFor('web still checked', async () => (await monitorNamed(engine, 'web')).lastCheckAt > checkedAt);

    writeConfig(dir, [
      { name: 'web', url: `${server.url}/`, interval: '1s', jitter: '0s' },
      { name: 'web again', url: `${server.url}/again`, interval: '1s', jitter: '0s' },
    ]);
    await waitFor('the fixed file', async () => (await monitorNamed(engine, 'web again'))?.status === 'up');
    expect((await call(engine, 'monitors.list')).config).toMatchObject({ issues: [], monitors: 2, path: config, isDefault: true, running: true });
    expect(engine.trayState().problems).toEqual([]);
  });

  it('shows the offline state once instead of paging for every monitor', async () => {
    let online = false;
    // Offline, requests get no answer at all; online, the service answers 503.
    const silent = await startHttp((_req, res) => {
      if (online) res.writeHead(503).end();
    });
    cleanups.push(() => silent.close());
    const dir = workDir();
    const monitor = (name: string) => ({ name, url: `${silent.url}/${name}`, interval: '1s', jitter: '0s', timeout: '300ms', 'failure-threshold': 1 });
    const config = writeConfig(dir, [monitor('one'), monitor('two'), monitor('three')]);
    const sent = recorder();
    const engine = open(dir, config, { deliver: sent.deliver, areas: { monitors: { connectivityProbe: async () => online } } });
    const list = await waitFor('the offline state', async () => {
      const l = await call(engine, 'monitors.list');
      return l.offlineSince !== null && l;
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sent.titles()).toEqual(['You are offline']);
    expect(list.monitors.every((m: { status: string }) => m.status !== 'down')).toBe(true);
    expect(engine.trayState().problems).toEqual([expect.objectContaining({ label: 'You are offline: monitors are on hold', level: 'unknown' })]);
    // Timeouts while offline are not history: the services did not fail.
    expect((await call(engine, 'monitors.uptime', { window: '24h' })).every((u: { count: number }) => u.count === 0)).toBe(true);

    online = true;
    await waitFor('online again, and failures page again', () => sent.titles().some((t) => t.startsWith('one is down')));
    expect((await call(engine, 'monitors.list')).offlineSince).toBeNull();
    expect(sent.titles().filter((t) => t === 'You are offline')).toHaveLength(1);
  });
});
