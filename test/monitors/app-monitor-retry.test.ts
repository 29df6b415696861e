import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startHttp } from './helpers/servers';
import { call, monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from './engine-helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// A monitor made in the Monitors window can be confirmed as fast as one in the file.
describe('retry-interval of a monitor made in the window', () => {
  it('confirms a failure after the retry interval given in the form, and names the field when it is too long', async () => {
    const server = await startHttp((_req, res) => {
      res.statusCode = 503;
      res.end('{}');
    });
    const dir = tempDir();
    const engine = monitoringEngine(dir, writeConfig(dir, []), { deliver: recorder().deliver });
    cleanups.push(async () => {
      engine.close();
      await server.close();
      removeDir(dir);
    });

    const tooLong = await call(engine, 'monitors.save', { fields: { name: 'bad', url: server.url, interval: '5s', 'retry-interval': '10s' } }).then(
      () => null,
      (err) => err.rpc,
    );
    expect(tooLong).toMatchObject({ code: 'bad_request', issues: [{ path: 'fields.retry-interval', message: expect.stringContaining('retry-interval 10s is longer than the interval 5s') }] });

    // An hour between regular checks: only the retry can bring the second failed check.
    const saved = await call(engine, 'monitors.save', { fields: { name: 'fast', url: server.url, interval: '1h', 'retry-interval': '1s', 'failure-threshold': 2 } });
    expect((await call(engine, 'monitors.get', { id: saved.id })).fields['retry-interval']).toBe('1s');
    await waitFor('fast down', async () => (await monitorNamed(engine, 'fast')).status === 'down', 15_000);
    const [second, first] = (await call(engine, 'monitors.get', { id: saved.id })).recent;
    expect(second.at - first.at).toBeGreaterThanOrEqual(1_000);
    expect(second.at - first.at).toBeLessThan(5_000);
  });
});
