import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startHttp } from './helpers/servers';
import { call, monitoringEngine, waitFor, writeConfig } from './engine-helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('sparklines of the rows in view', () => {
  it('monitors.list leaves them out on request, and monitors.sparklines gives those of the ids asked for', async () => {
    const server = await startHttp((_req, res) => res.end('ok'));
    cleanups.push(() => server.close());
    const dir = tempDir();
    cleanups.push(() => removeDir(dir));
    const config = writeConfig(dir, [
      { name: 'api', url: `${server.url}/a`, interval: '1s', jitter: '0s' },
      { name: 'web', url: `${server.url}/b`, interval: '1s', jitter: '0s' },
    ]);
    const engine = monitoringEngine(dir, config);
    cleanups.push(() => engine.close());
    const full = await waitFor('a latency point for both monitors', async () => {
      const list = await call(engine, 'monitors.list');
      return list.monitors.every((m: { sparkline: (number | null)[] }) => m.sparkline.some((v) => v !== null)) && list;
    });
    const [api, web] = full.monitors as { id: number; name: string; sparkline: (number | null)[] }[];
    expect(api.sparkline).toHaveLength(30);

    const light = await call(engine, 'monitors.list', { sparklines: false });
    expect(light.monitors.map((m: { name: string }) => m.name)).toEqual(['api', 'web']);
    expect(light.monitors.every((m: { sparkline: unknown[]; sparklineFailures: unknown[] }) => m.sparkline.length === 0 && m.sparklineFailures.length === 0)).toBe(true);

    const some = await call(engine, 'monitors.sparklines', { ids: [web.id, 999_999] });
    expect(some).toHaveLength(1);
    expect(some[0].id).toBe(web.id);
    expect(some[0].sparkline).toHaveLength(30);
    expect(some[0].sparkline.some((v: number | null) => v !== null)).toBe(true);
  });

  it('monitors.list first: N lists the N most urgent monitors, with the totals of all', async () => {
    const up = await startHttp((_req, res) => res.end('ok'));
    const down = await startHttp((_req, res) => ((res.statusCode = 503), res.end('no')));
    cleanups.push(() => up.close(), () => down.close());
    const dir = tempDir();
    cleanups.push(() => removeDir(dir));
    const config = writeConfig(dir, [
      { name: 'a-up', url: `${up.url}/`, interval: '1s', jitter: '0s' },
      { name: 'b-paused', url: `${up.url}/`, paused: true },
      { name: 'c-down', url: `${down.url}/`, interval: '1s', jitter: '0s', 'failure-threshold': 1 },
      { name: 'd-up', url: `${up.url}/`, interval: '1s', jitter: '0s' },
    ]);
    const engine = monitoringEngine(dir, config);
    cleanups.push(() => engine.close());
    await waitFor('c-down down and both others up', async () => {
      const list = await call(engine, 'monitors.list');
      return list.monitors.filter((m: { status: string }) => m.status === 'up').length === 2 && list.down === 1;
    });
    const head = await call(engine, 'monitors.list', { sparklines: false, first: 2 });
    expect(head.monitors.map((m: { name: string }) => m.name)).toEqual(['c-down', 'b-paused']);
    expect(head).toMatchObject({ total: 4, down: 1 });
    const all = await call(engine, 'monitors.list');
    expect(all.monitors.map((m: { name: string }) => m.name)).toEqual(['a-up', 'b-paused', 'c-down', 'd-up']);
    expect(all).toMatchObject({ total: 4, down: 1 });
  });

  it('refuses more ids than a window shows at once', async () => {
    const dir = tempDir();
    cleanups.push(() => removeDir(dir));
    const engine = monitoringEngine(dir, writeConfig(dir, []));
    cleanups.push(() => engine.close());
    await expect(call(engine, 'monitors.sparklines', { ids: Array.from({ length: 501 }, (_, i) => i + 1) })).rejects.toMatchObject({ rpc: { code: 'bad_request' } });
  });
});
