import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/engine/engine';
import { openDatabase } from '../../main/engine/db/open-database';
import { EVENTS_PER_MONITOR, MonitorEventsStore } from '../../main/engine/monitors/monitor-events-store';
import { MonitorStore } from '../../main/engine/monitors/monitor-store';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { FakeClock } from './helpers/fake-clock';
import { startHttp } from './helpers/servers';
import { call, monitoringEngine, recorder, waitFor, writeConfig } from './engine-helpers';

const INTERVAL_MS = 10_000;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * An engine checking a real server on loopback, with times from a clock the test drives: each
 * `checkAt` moves the clock to a due check and waits until its result (and the next run) are in.
 */
async function monitoredServer(failureThreshold: number) {
  const server = { healthy: true, requests: 0 };
  const http = await startHttp((_req, res) => {
    server.requests++;
    res.statusCode = server.healthy ? 200 : 503;
    res.end(server.healthy ? 'ok' : 'down');
  });
  // The clock starts after this moment so the monitor's creation, not the migration, opens the record.
  const T0 = Math.ceil(Date.now() / 60_000) * 60_000 + 60_000;
  const clock = new FakeClock(T0);
  const dir = tempDir();
  const monitor = { name: 'checkout api', url: `${http.url}/health`, interval: '10s', 'retry-interval': '10s', jitter: '0s', 'failure-threshold': failureThreshold, conditions: ['[STATUS] == 200'] };
  const config = writeConfig(dir, [monitor]);
  /** Writes the monitors file again with these fields added; the engine's watcher reloads it. */
  const rewrite = (extra: Record<string, unknown>) => writeConfig(dir, [{ ...monitor, ...extra }]);
  const engine: Engine = monitoringEngine(dir, config, { now: clock.now, deliver: recorder().deliver, areas: { monitors: { clock } } });
  cleanups.push(async () => {
    engine.close();
    await http.close();
    removeDir(dir);
  });
  const list = await waitFor('the monitor to be loaded and scheduled', async () => {
    const monitors = (await call(engine, 'monitors.list')).monitors;
    return monitors.length === 1 && clock.pending() > 0 && monitors;
  });
  const id: number = list[0].id;
  const detail = () => call(engine, 'monitors.get', { id });
  const checkAt = async (at: number) => {
    await clock.advance(at - clock.now());
    await waitFor(`the check at T0+${(at - T0) / 1000} s`, async () => (await detail()).recent[0]?.at >= at && clock.pending() > 0);
  };
  return { engine, server, clock, T0, id, detail, checkAt, rewrite };
}

describe('monitor events: the state changes the engine reported, kept beyond the recent results', () => {
  it('lists down (after the threshold), up, paused and resumed with their times, and still lists the down 20+ checks later', async () => {
    const { engine, server, clock, T0, id, detail, checkAt } = await monitoredServer(2);
    await checkAt(T0);
    const fresh = await detail();
    expect(fresh.monitor.status).toBe('up');
    expect(fresh.events).toEqual([]);
    expect(fresh.eventsSince).toBe(T0);

    // A blip below the failure threshold: one failed check, then a good one. Nothing is recorded.
    server.healthy = false;
    await checkAt(T0 + 10_000);
    expect((await detail()).monitor.status).toBe('pending');
    server.healthy = true;
    await checkAt(T0 + 20_000);
    expect((await detail()).events).toEqual([]);

    // Down after two failed checks; up again at the next good one.
    server.healthy = false;
    await checkAt(T0 + 30_000);
    expect((await detail()).events).toEqual([]);
    await checkAt(T0 + 40_000);
    expect((await detail()).monitor.status).toBe('down');
    server.healthy = true;
    await checkAt(T0 + 50_000);

    // Paused and resumed from a window, between checks.
    await clock.advance(5_000);
    expect((await call(engine, 'monitors.setPaused', { id, paused: true })).status).toBe('paused');
    // Pausing a paused monitor again is no change.
    await call(engine, 'monitors.setPaused', { id, paused: true });
    const before = server.requests;
    await clock.advance(30_000);
    expect(server.requests).toBe(before);
    await call(engine, 'monitors.setPaused', { id, paused: false });
    const resumedAt = T0 + 85_000;
    expect(clock.now()).toBe(resumedAt);
    await checkAt(resumedAt);

    const expected = [
      { kind: 'resumed', at: resumedAt },
      { kind: 'paused', at: T0 + 55_000 },
      { kind: 'up', at: T0 + 50_000, since: T0 + 30_000, outageMs: 20_000 },
      { kind: 'down', at: T0 + 40_000, since: T0 + 30_000, error: '[STATUS] was 503, expected 200', failedConditions: ['[STATUS] was 503, expected 200'] },
    ];
    expect((await detail()).events).toEqual(expected);

    // More checks than the recent results hold: the outage is gone from them, not from the events.
    for (let k = 1; k <= 22; k++) await checkAt(resumedAt + k * INTERVAL_MS);
    const later = await detail();
    expect(later.recent).toHaveLength(20);
    expect(later.recent.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(later.events).toEqual(expected);
    expect(later.monitor.status).toBe('up');
  }, 60_000);

  it('lists a pause and a resume made in the monitors file, once each', async () => {
    const { engine, clock, T0, detail, checkAt, rewrite } = await monitoredServer(2);
    await checkAt(T0);
    await clock.advance(2_000);
    rewrite({ paused: true });
    await waitFor('the file to pause the monitor', async () => (await detail()).monitor.status === 'paused');
    // Another edit that leaves it paused is no second pause.
    await clock.advance(1_000);
    rewrite({ paused: true, timeout: '5s' });
    await waitFor('the edited file to be read', async () => (await call(engine, 'monitors.list')).config.loadedAt >= T0 + 3_000);
    await clock.advance(2_000);
    rewrite({});
    await waitFor('the file to resume the monitor', async () => (await detail()).monitor.status !== 'paused');
    expect((await detail()).events).toEqual([
      { kind: 'resumed', at: T0 + 5_000 },
      { kind: 'paused', at: T0 + 2_000 },
    ]);
  }, 60_000);

  it('lists flapping instead of each change, and its end with the recovery it held back', async () => {
    const { server, T0, detail, checkAt } = await monitoredServer(1);
    let at = T0;
    await checkAt(at);
    // Down, up, down, up within the flap window: the fourth change is flapping, not another up.
    for (const healthy of [false, true, false, true]) {
      server.healthy = healthy;
      await checkAt((at += INTERVAL_MS));
    }
    const flapping = [
      { kind: 'flapping', at: T0 + 40_000, changes: 4, windowMs: 600_000 },
      { kind: 'down', at: T0 + 30_000, since: T0 + 30_000, error: '[STATUS] was 503, expected 200', failedConditions: ['[STATUS] was 503, expected 200'] },
      { kind: 'up', at: T0 + 20_000, since: T0 + 10_000, outageMs: 10_000 },
      { kind: 'down', at: T0 + 10_000, since: T0 + 10_000, error: '[STATUS] was 503, expected 200', failedConditions: ['[STATUS] was 503, expected 200'] },
    ];
    expect((await detail()).events).toEqual(flapping);

    // Quiet for the flap window: flapping ends, and the recovery it held back is listed with it.
    const settled = T0 + 40_000 + 600_000;
    while (at < settled) await checkAt((at += INTERVAL_MS));
    expect((await detail()).events).toEqual([
      { kind: 'up', at: settled, since: T0 + 30_000, outageMs: settled - (T0 + 30_000) },
      { kind: 'flapping-ended', at: settled, status: 'up' },
      ...flapping,
    ]);
  }, 60_000);

  it('keeps at most the cap per monitor and lets the age retention remove old events', () => {
    const dir = tempDir();
    const { db } = openDatabase(path.join(dir, 'trayage.db'), 'test');
    cleanups.push(() => {
      db.close();
      removeDir(dir);
    });
    const ids = new MonitorStore(db).claimFileMonitors(['api', 'db'], 0).ids;
    const [api, other] = [ids.get('api')!.id, ids.get('db')!.id];
    const events = new MonitorEventsStore(db);
    const flips = (monitorId: number, count: number, from: number) =>
      Array.from({ length: count }, (_, i) => ({ monitorId, change: { kind: i % 2 ? ('resumed' as const) : ('paused' as const), at: from + i * 1000 } }));

    db.transaction(() => events.insert([...flips(api, EVENTS_PER_MONITOR + 5, 1_000_000), ...flips(other, 3, 0)]))();
    const kept = events.list(api, EVENTS_PER_MONITOR + 10);
    expect(kept).toHaveLength(EVENTS_PER_MONITOR);
    // The oldest went; the newest are kept, newest first.
    expect(kept[0].at).toBe(1_000_000 + (EVENTS_PER_MONITOR + 4) * 1000);
    expect(kept[kept.length - 1].at).toBe(1_000_000 + 5 * 1000);
    expect(events.list(other)).toHaveLength(3);

    expect(events.prune(1_000_000)).toBe(3);
    expect(events.list(other)).toEqual([]);
    expect(events.list(api, EVENTS_PER_MONITOR + 10)).toHaveLength(EVENTS_PER_MONITOR);
  });
});
