import { afterEach, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startHttp } from './helpers/servers';
import { call, monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from './engine-helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// A window keeps its list fresh by asking for the monitors changed since its last list.
describe('monitors.list since a cursor', () => {
  it('lists only the monitors changed after the cursor, and all of them after a change only the whole list shows', async () => {
    const server = await startHttp((_req, res) => res.end('{}'));
    const dir = tempDir();
    // Checked once at start, then not for an hour: nothing changes unless the test asks.
    const config = writeConfig(dir, ['a', 'b', 'c'].map((name) => ({ name, url: `${server.url}/${name}`, interval: '1h', jitter: '0s' })));
    const engine = monitoringEngine(dir, config, { deliver: recorder().deliver });
    cleanups.push(async () => {
      engine.close();
      await server.close();
      removeDir(dir);
    });
    await waitFor('all three up', async () => (await call(engine, 'monitors.list')).monitors.every((m: { status: string }) => m.status === 'up'));

    const whole = await call(engine, 'monitors.list', { sparklines: false });
    expect(whole).toMatchObject({ partial: false, total: 3, down: 0 });
    expect(whole.monitors.map((m: { name: string }) => m.name)).toEqual(['a', 'b', 'c']);
    expect(whole.cursor).toMatch(/^[0-9a-f]{8}\.\d+$/);
    expect(await call(engine, 'monitors.list', { sparklines: false, since: whole.cursor })).toMatchObject({ partial: true, monitors: [], total: 3, cursor: whole.cursor });

    const b = await monitorNamed(engine, 'b');
    await call(engine, 'monitors.checkNow', { id: b.id });
    await waitFor('b checked again', async () => (await monitorNamed(engine, 'b')).lastCheckAt > b.lastCheckAt);
    const changes = await call(engine, 'monitors.list', { sparklines: false, since: whole.cursor });
    expect(changes.partial).toBe(true);
    expect(changes.monitors.map((m: { name: string }) => m.name)).toEqual(['b']);
    expect(changes.monitors[0].lastCheckAt).toBeGreaterThan(b.lastCheckAt);
    expect(changes.cursor).not.toBe(whole.cursor);

    // A snooze, a pause: rows the changes since an older cursor would not carry correctly.
    await call(engine, 'notifications.snooze', { scope: `monitor:${b.id}`, minutes: 30 });
    const afterSnooze = await call(engine, 'monitors.list', { sparklines: false, since: changes.cursor });
    expect(afterSnooze.partial).toBe(false);
    expect(afterSnooze.monitors).toHaveLength(3);
    expect(afterSnooze.monitors[1].snoozedUntil).toBeGreaterThan(Date.now());
    await call(engine, 'monitors.setPaused', { id: b.id, paused: true });
    const afterPause = await call(engine, 'monitors.list', { sparklines: false, since: afterSnooze.cursor });
    expect(afterPause).toMatchObject({ partial: false, total: 3 });
    expect(afterPause.monitors[1].status).toBe('paused');

    // A cursor of another run (an engine since restarted), or one that is not a cursor at all.
    for (const since of ['0badc0de.1', 'anything', `${whole.cursor.split('.')[0]}.999999`]) {
      expect(await call(engine, 'monitors.list', { sparklines: false, since })).toMatchObject({ partial: false, total: 3 });
    }
    // The first screen's list is not one to continue from.
    expect(await call(engine, 'monitors.list', { sparklines: false, first: 2 })).toMatchObject({ cursor: null, partial: false, total: 3 });
  });
});
