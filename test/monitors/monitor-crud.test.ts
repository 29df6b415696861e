import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startHttp } from './helpers/servers';
import { call, monitorNamed, monitoringEngine, recorder, waitFor, writeConfig } from './engine-helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setup(monitors: Record<string, unknown>[], options: Parameters<typeof monitoringEngine>[2] = {}) {
  let healthy = true;
  const server = await startHttp((_req, res) => {
    res.statusCode = healthy ? 200 : 503;
    res.end('{}');
  });
  const dir = tempDir();
  const config = writeConfig(dir, monitors.map((m) => ({ url: `${server.url}/${m.name}`, interval: '1s', jitter: '0s', ...m })));
  const sent = recorder();
  const engines: Engine[] = [];
  const open = () => {
    const engine = monitoringEngine(dir, config, { deliver: sent.deliver, ...options });
    engines.push(engine);
    return engine;
  };
  cleanups.push(async () => {
    for (const engine of engines) engine.close();
    await server.close();
    removeDir(dir);
  });
  return { server, dir, config, sent, open, setHealthy: (ok: boolean) => void (healthy = ok) };
}

const rpcError = (promise: Promise<unknown>) => promise.then(() => null, (err) => err.rpc);

describe('monitors made in the app, and declaring an incident from one', () => {
  it('adds, validates, pauses across a restart, edits and deletes app monitors; file monitors stay read-only', async () => {
    const env = await setup([{ name: 'from file' }]);
    let engine = env.open();
    const url = `${env.server.url}/app`;
    const saved = await call(engine, 'monitors.save', { fields: { name: 'made here', url, interval: '1s', conditions: ['[STATUS] == 200'], severity: 'P2' } });
    expect(saved).toMatchObject({ name: 'made here', source: 'app', kind: 'http', target: url, intervalMs: 1000, severity: 'P2' });
    await waitFor('the app monitor up', async () => (await monitorNamed(engine, 'made here'))?.status === 'up');

    expect(await rpcError(call(engine, 'monitors.save', { fields: { name: 'bad', url: 'ftp://example.com' } }))).toMatchObject({
      code: 'bad_request',
      issues: [{ path: 'fields.url', message: expect.stringContaining('no known scheme') }],
    });
    const badCondition = await rpcError(call(engine, 'monitors.save', { fields: { name: 'bad', url, conditions: ['[STATUS] === 200'] } }));
    expect(badCondition.message).toMatch(/^Monitor 'bad': .*column/);
    expect(badCondition.issues[0].path).toBe('fields.conditions');
    expect(await rpcError(call(engine, 'monitors.save', { fields: { name: 'from file', url } }))).toMatchObject({ code: 'conflict' });
    const fileId = (await monitorNamed(engine, 'from file')).id;
    expect(await rpcError(call(engine, 'monitors.save', { id: fileId, fields: { name: 'from file', url } }))).toMatchObject({
      code: 'conflict',
      message: "Monitor 'from file' is defined in the monitors file; edit it there.",
    });
    expect(await rpcError(call(engine, 'monitors.delete', { id: fileId }))).toMatchObject({ code: 'conflict' });
    expect((await call(engine, 'monitors.get', { id: fileId })).file).toBe(env.config);

    expect(await call(engine, 'monitors.setPaused', { id: saved.id, paused: true })).toMatchObject({ status: 'paused' });
    engine.close();
    engine = env.open();
    expect(await monitorNamed(engine, 'made here')).toMatchObject({ status: 'paused', source: 'app' });
    await call(engine, 'monitors.setPaused', { id: saved.id, paused: false });
    await waitFor('checks again after resuming', async () => (await monitorNamed(engine, 'made here')).status === 'up');

    const edited = await call(engine, 'monitors.save', { id: saved.id, fields: { name: 'renamed here', url, interval: '2s' } });
    expect(edited).toMatchObject({ id: saved.id, name: 'renamed here', intervalMs: 2000 });
    expect((await call(engine, 'monitors.get', { id: saved.id })).fields).toEqual({ name: 'renamed here', url, interval: '2s' });
    expect(await call(engine, 'monitors.delete', { id: saved.id })).toEqual({ deleted: true });
    expect((await call(engine, 'monitors.list')).monitors.map((m: { name: string }) => m.name)).toEqual(['from file']);
    expect(await rpcError(call(engine, 'monitors.get', { id: saved.id }))).toMatchObject({ code: 'not_found', message: `There is no monitor #${saved.id}.` });

    // A file monitor taking a name the app already uses is a problem of the file, at the name's line.
    await call(engine, 'monitors.save', { fields: { name: 'taken', url } });
    writeConfig(env.dir, [
      { name: 'from file', url: `${env.server.url}/f`, interval: '1s' },
      { name: 'taken', url: `${env.server.url}/t`, interval: '1s' },
    ]);
    const issues = await waitFor('the name clash', async () => {
      const list = await call(engine, 'monitors.list');
      return list.config.issues.length > 0 && list.config.issues;
    });
    expect(issues).toEqual([expect.objectContaining({ line: 5, monitor: 'taken', message: expect.stringContaining('already used by a monitor made in the Monitors window') })]);
  });

  it('declares an incident from a down monitor through the incidents area, with the failures in its timeline', async () => {
    const env = await setup([{ name: 'checkout', 'failure-threshold': 2, severity: 'P1', service: 'shop' }]);
    const engine = env.open();
    await waitFor('up', async () => (await monitorNamed(engine, 'checkout'))?.status === 'up');
    env.setHealthy(false);
    const down = await waitFor('down', async () => {
      const m = await monitorNamed(engine, 'checkout');
      return m.status === 'down' && m;
    });
    const bad = await rpcError(call(engine, 'monitors.declareIncident', { monitorId: down.id, title: 'Checkout is down', severity: 'P9' }));
    expect(bad).toMatchObject({ code: 'bad_request', issues: [{ path: 'severity' }] });

    const { incident, failuresRecorded } = await call(engine, 'monitors.declareIncident', { monitorId: down.id, title: 'Checkout is down', severity: 'P1', service: 'shop' });
    expect(incident).toMatchObject({ title: 'Checkout is down', severity: 'P1', service: 'shop' });
    expect(failuresRecorded).toBeGreaterThanOrEqual(2);
    const detail = await call(engine, 'incidents.get', { id: incident.id });
    const note = detail.timeline.find((e: { kind: string }) => e.kind === 'note');
    const lines = note.text.split('\n');
    expect(lines[0]).toBe(`Monitor checkout (${env.server.url}/checkout): its last ${failuresRecorded} failures before this incident was declared:`);
    expect(lines.slice(1, -1)).toHaveLength(failuresRecorded);
    expect(lines[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC {2}HTTP 503 {2}HTTP 503 Service Unavailable \(expected 200-299\)$/);
    expect(lines[lines.length - 1]).toBe(`Monitor: #/monitors/${down.id}`);
    expect((await monitorNamed(engine, 'checkout')).incidentId).toBe(incident.id);
    expect(engine.trayState()).toMatchObject({ level: 'down', summary: '1 down, 1 open incident' });
  });

  it('writes results in one transaction per tick, not one per result', async () => {
    const env = await setup([{ name: 'a' }, { name: 'b' }, { name: 'c' }], { areas: { monitors: { flushMs: 60_000, maintenanceMs: 60_000 } } });
    const engine = env.open();
    const stored = () => {
      const db = new Database(path.join(env.dir, 'trayage.db'), { readonly: true });
      const n = db.prepare('SELECT COUNT(*) FROM monitor_results').pluck().get() as number;
      db.close();
      return n;
    };
    await waitFor('a few runs', async () => (await call(engine, 'monitors.stats')).runs >= 6);
    expect(stored()).toBe(0);
    // Reading the list writes what is pending first, so windows always see every result. Runs are
    // counted when they start, so the last few may still be finishing: read until six have landed.
    let list = await call(engine, 'monitors.list');
    await expect
      .poll(async () => {
        list = await call(engine, 'monitors.list');
        return stored();
      }, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(6);
    expect(list.monitors.every((m: { uptime24h: number }) => m.uptime24h === 1)).toBe(true);
    const stats = await call(engine, 'monitors.stats', { reset: true });
    // Lateness is measured, not judged here: how late checks start on a loaded machine is the benchmark's to report.
    expect(stats).toMatchObject({ monitors: 3, lateness: { count: expect.any(Number) }, decided: { count: 0 }, dispatch: { count: 0 } });
  });
});
