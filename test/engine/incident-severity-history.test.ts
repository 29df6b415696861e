import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../main/engine/db/open-database';
import { applyMigrations } from '../../main/engine/db/migrations';
import { createEngine, type Engine } from '../../main/engine/engine';
import { copyScheme } from '../../main/engine/incidents/domain/scheme-catalog';
import { removeDir, tempDir } from '../helpers/temp-dir';

const MIN = 60_000;
// Scheme A rates P1 "High (Major Service Degradation)": ack in 1 h, updates hourly, no escalation.
const A = 'p0-p3-monitoring-system';
// Scheme B rates P1 "Critical": ack in 15 min, updates every 30 min, escalate after 15 min.
const B = 'p1-p4-heroforge';

describe('engine: an incident keeps the severity level it was rated with', () => {
  let dir: string;
  let engine: Engine;
  let clock: number;
  const open = () => createEngine({ dataDir: dir, actor: 'ana', now: () => clock, deliver: async () => {} });
  const call = async (method: string, params: unknown = {}) => (await engine.dispatch({ id: 1, method, params })) as any;
  const ok = async (method: string, params: unknown = {}) => {
    const reply = await call(method, params);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  const timers = async (id: number) => Object.fromEntries((await ok('incidents.get', { id })).timers.map((t: any) => [t.kind, t.dueAt]));

  beforeEach(() => {
    dir = tempDir();
    clock = Date.UTC(2026, 2, 4, 14, 3, 0);
  });
  afterEach(() => {
    engine?.close();
    removeDir(dir);
  });

  it('declared under scheme A, it shows A after the switch to B: level, timers, post-mortem and templates', async () => {
    engine = open();
    await ok('schemes.setActive', { scheme: { id: A } });
    const declared = await ok('incidents.declare', { title: 'Checkout slow', severity: 'P1' });
    const created = declared.createdAt;
    expect(declared.level).toMatchObject({ key: 'P1', name: 'High (Major Service Degradation)', responseMinutes: 60 });
    const before = await timers(declared.id);
    expect(before).toEqual({ ack: created + 60 * MIN, update: created + 60 * MIN });

    await ok('schemes.setActive', { scheme: { id: B } });
    clock += 5 * MIN;
    const detail = await ok('incidents.get', { id: declared.id });
    expect(detail.level.name).toBe('High (Major Service Degradation)');
    expect(detail.incident.level).toEqual(detail.level);
    expect(await timers(declared.id)).toEqual(before);
    expect(detail.timeline[0].data).toMatchObject({ severity: 'P1', level: { name: 'High (Major Service Degradation)' } });

    const postmortem = await ok('postmortem.get', { incidentId: declared.id });
    expect(postmortem.markdown).toContain('- **Severity**: P1 (High (Major Service Degradation))');
    const rendered = await ok('templates.render', { incidentId: declared.id, body: 'Next: {{next_update}}' });
    expect(rendered.text).toBe('Next: 2026-03-04 15:08 UTC');

    // Only new incidents take B.
    const later = await ok('incidents.declare', { title: 'Login errors', severity: 'P1' });
    expect(later.level.name).toBe('Critical');
    expect(await timers(later.id)).toEqual({ ack: clock + 15 * MIN, escalation: clock + 15 * MIN, update: clock + 30 * MIN });

    // Survives a restart: the level is stored, not looked up.
    engine.close();
    engine = open();
    expect((await ok('incidents.get', { id: declared.id })).level.name).toBe('High (Major Service Degradation)');
  });

  it('a re-rate under scheme B takes B’s level and records it', async () => {
    engine = open();
    await ok('schemes.setActive', { scheme: { id: A } });
    const { id } = await ok('incidents.declare', { title: 'Checkout slow', severity: 'P1' });
    await ok('schemes.setActive', { scheme: { id: B } });
    clock += 10 * MIN;
    const rerated = await ok('incidents.change', { id, severity: 'P2' });
    expect(rerated.level).toMatchObject({ key: 'P2', name: 'High', updateCadenceMinutes: 30 });
    const detail = await ok('incidents.get', { id });
    expect(detail.timeline.find((e: any) => e.kind === 'severity').data).toMatchObject({ from: 'P1', to: 'P2', level: { key: 'P2', name: 'High' } });
    expect((await ok('postmortem.get', { incidentId: id })).markdown).toContain('- **Severity**: P2 (High)');
  });

  it('asking for the same severity again brings an open incident to the current scheme’s level', async () => {
    engine = open();
    await ok('schemes.setActive', { scheme: { id: A } });
    const { id, createdAt } = await ok('incidents.declare', { title: 'Checkout slow', severity: 'P1' });
    await ok('schemes.setActive', { scheme: { id: B } });
    const rerated = await ok('incidents.change', { id, severity: 'P1' });
    expect(rerated.level.name).toBe('Critical');
    expect((await ok('incidents.get', { id })).timeline.at(-1).text).toBe('Severity P1 re-rated under the current scheme: Critical');
    expect((await timers(id)).ack).toBe(createdAt + 15 * MIN);
    const again = await call('incidents.change', { id, severity: 'P1' });
    expect(again.error).toMatchObject({ code: 'conflict' });
  });

  it('previews a scheme change: open incidents keep their level, and it says how many would read differently', async () => {
    engine = open();
    await ok('schemes.setActive', { scheme: { id: A } });
    expect(await ok('schemes.preview', { scheme: { id: B } })).toMatchObject({
      openIncidents: 0,
      openWithOtherLevel: 0,
      message: 'No incident is open: "P1–P4 with 30 min updates for P1/P2" applies to incidents declared from now on.',
    });
    await ok('incidents.declare', { title: 'one', severity: 'P1' });
    await ok('incidents.declare', { title: 'two', severity: 'P0' });
    const resolved = await ok('incidents.declare', { title: 'three', severity: 'P2' });
    await ok('incidents.setStatus', { id: resolved.id, status: 'resolved' });

    const toB = await ok('schemes.preview', { scheme: { id: B } });
    expect(toB.scheme.id).toBe(B);
    // P1 means something else under B, and B has no P0 at all.
    expect(toB).toMatchObject({ openIncidents: 2, openWithOtherLevel: 2 });
    expect(toB.message).toBe(
      '"P1–P4 with 30 min updates for P1/P2" applies to new incidents only. The 2 open incidents keep the level they were rated with (all of them would be rated differently under "P1–P4 with 30 min updates for P1/P2").',
    );
    const same = await ok('schemes.preview', { scheme: copyScheme(A) });
    expect(same).toMatchObject({ openIncidents: 2, openWithOtherLevel: 0 });
    expect(same.message).toMatch(/keep the level they were rated with\.$/);
    // A preview chooses nothing.
    expect((await ok('schemes.active')).id).toBe(A);
    const bad = await call('schemes.preview', { scheme: { id: 'p9' } });
    expect(bad.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/^There is no ready-made scheme 'p9'; choose one of /) });
  });

  it('gives incidents of an upgraded database the level of the scheme in force then', async () => {
    const file = path.join(dir, 'trayage.db');
    const old = new Database(file);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(old, '0.0.1', 8);
    old.prepare("INSERT INTO settings(key, value, updated_at) VALUES ('severity.scheme', ?, 1)").run(JSON.stringify(copyScheme(A)));
    const insert = old.prepare("INSERT INTO incidents(title, severity, status, created_at, updated_at) VALUES (?, ?, 'investigating', ?, ?)");
    insert.run('rated p1', 'p1', clock, clock);
    insert.run('rated with a key no scheme knows', 'P9', clock, clock);
    old.prepare("INSERT INTO checklists(incident_id, title, phase, position) VALUES (1, 'Runbook list', 'runbook', 0)").run();
    old.close();

    engine = open();
    expect((await ok('incidents.get', { id: 1 })).level).toMatchObject({ key: 'P1', name: 'High (Major Service Degradation)' });
    expect((await ok('incidents.get', { id: 2 })).level).toBeNull();
    expect((await ok('incidents.get', { id: 1 })).checklists).toEqual([{ id: 1, title: 'Runbook list', phase: 'during', source: 'runbook', items: [] }]);
    await ok('schemes.setActive', { scheme: { id: B } });
    engine.close();
    engine = open();
    expect((await ok('incidents.get', { id: 1 })).level.name).toBe('High (Major Service Degradation)');
  });

  it('gives them the app’s default scheme when the team never chose one', async () => {
    const old = new Database(path.join(dir, 'trayage.db'));
    old.pragma(`application_id = ${APPLICATION_ID}`);
    applyMigrations(old, '0.0.1', 8);
    old.prepare("INSERT INTO incidents(title, severity, status, created_at, updated_at) VALUES ('old', 'P1', 'investigating', ?, ?)").run(clock, clock);
    old.close();
    engine = open();
    expect((await ok('incidents.get', { id: 1 })).level).toMatchObject({ key: 'P1', name: 'Critical', responseMinutes: 15 });
  });

  it('carries when a resolved incident was resolved and how long it lasted', async () => {
    engine = open();
    const { id, createdAt } = await ok('incidents.declare', { title: 'Queue stuck', severity: 'P2' });
    clock += 20 * MIN;
    const running = await ok('incidents.get', { id });
    expect(running.incident.resolvedAt).toBeNull();
    expect(running.durationMs).toBe(20 * MIN);
    clock += 25 * MIN;
    await ok('incidents.setStatus', { id, status: 'resolved' });
    clock += 60 * MIN;
    const done = await ok('incidents.get', { id });
    expect(done.incident.resolvedAt).toBe(createdAt + 45 * MIN);
    expect(done.durationMs).toBe(45 * MIN);
  });
});
