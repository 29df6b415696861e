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

    // Only the rows asked for are summarized, each with its own uptime and sparkline.
    const three = await call(engine, 'monitors.list', { first: 3 });
    type Row = { name: string; uptime24h: number | null; sparkline: (number | null)[]; sparklineFailures: number[] };
    const rows = three.monitors as Row[];
    expect(rows.map((m) => m.name)).toEqual(['c-down', 'b-paused', 'a-up']);
    const byName = new Map(rows.map((m) => [m.name, m]));
    expect(byName.get('c-down')?.uptime24h).toBe(0);
    expect(byName.get('a-up')?.uptime24h).toBe(1);
    expect(byName.get('b-paused')?.uptime24h).toBeNull();
    expect(byName.get('a-up')?.sparkline.some((v) => v !== null)).toBe(true);
    expect(byName.get('c-down')?.sparklineFailures.length).toBeGreaterThan(0);

    // The order follows a rename in the file.
    writeConfig(dir, [
      { name: 'z-up', url: `${up.url}/`, interval: '1s', jitter: '0s' },
      { name: 'b-paused', url: `${up.url}/`, paused: true },
      { name: 'c-down', url: `${down.url}/`, interval: '1s', jitter: '0s', 'failure-threshold': 1 },
      { name: 'd-up', url: `${up.url}/`, interval: '1s', jitter: '0s' },
    ]);
    await waitFor('the renamed monitor last', async () => {
      const list = await call(engine, 'monitors.list', { sparklines: false });
      return list.monitors.map((m: { name: string }) => m.name).join() === 'b-paused,c-down,d-up,z-up';
    });
    // And a monitor made in the app, first by name, then renamed to come after the others.
    const made = await call(engine, 'monitors.save', { fields: { name: 'A-app', url: `${up.url}/`, interval: '1s' } });
    const names = async () => (await call(engine, 'monitors.list', { sparklines: false })).monitors.map((m: { name: string }) => m.name);
    expect(await names()).toEqual(['A-app', 'b-paused', 'c-down', 'd-up', 'z-up']);
    await call(engine, 'monitors.save', { id: made.id, fields: { name: 'y-app', url: `${up.url}/`, interval: '1s' } });
    expect(await names()).toEqual(['b-paused', 'c-down', 'd-up', 'y-app', 'z-up']);
  });

  it('refuses more ids than a window shows at once', async () => {
    const dir = tempDir();
    cleanups.push(() => removeDir(dir));
    const engine = monitoringEngine(dir, writeConfig(dir, []));
    cleanups.push(() => engine.close());
    await expect(call(engine, 'monitors.sparklines', { ids: Array.from({ length: 501 }, (_, i) => i + 1) })).rejects.toMatchObject({ rpc: { code: 'bad_request' } });
  });
});
