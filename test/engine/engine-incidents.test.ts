import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';

describe('engine: incident log', () => {
  let dir: string;
  let engine: Engine;
  let clock: number;
  const call = async (method: string, params: unknown = {}) => engine.dispatch({ id: 1, method, params });

  beforeEach(() => {
    dir = tempDir();
    clock = Date.UTC(2026, 10, 23, 3, 0, 0);
    engine = createEngine({ dataDir: dir, actor: 'ana', now: () => clock });
  });
  afterEach(() => {
    engine.close();
    removeDir(dir);
  });

  it('declares an incident and follows it through its statuses with a stamped timeline', async () => {
    const declared = (await call('incidents.declare', { title: 'Checkout 502s', severity: 'P1', service: 'heroforge' })) as any;
    expect(declared.result).toMatchObject({ id: 1, status: 'investigating', severity: 'P1', service: 'heroforge' });
    clock += 60_000;
    await call('incidents.setStatus', { id: 1, status: 'identified', note: 'bad deploy' });
    clock += 60_000;
    await call('incidents.addNote', { id: 1, text: 'rolling back to v1.4.2' });
    clock += 60_000;
    const resolved = (await call('incidents.setStatus', { id: 1, status: 'resolved' })) as any;
    expect(resolved.result.resolvedAt).toBe(clock);

    const detail = (await call('incidents.get', { id: 1 })) as any;
    expect(detail.result.timeline.map((e: any) => [e.kind, e.actor, e.text, e.at - detail.result.incident.createdAt])).toEqual([
      ['declared', 'ana', 'Declared P1: Checkout 502s (service heroforge)', 0],
      ['status', 'ana', 'Status changed from Investigating to Identified', 60_000],
      ['ack', 'ana', 'Acknowledged by moving it to Identified 1 min after declaration', 60_000],
      ['note', 'ana', 'bad deploy', 60_000],
      ['note', 'ana', 'rolling back to v1.4.2', 120_000],
      ['status', 'ana', 'Resolved after 3 min (was Identified)', 180_000],
      ['checklist', 'ana', 'Checklists for after the incident: Post-incident (5 items)', 180_000],
    ]);
  });

  it('sends the newest 1,000 timeline entries and pages back through older ones', async () => {
    await call('incidents.declare', { title: 'long night', severity: 'P2' });
    for (let i = 0; i < 1500; i++) {
      clock += 1000;
      await call('incidents.addNote', { id: 1, text: `note ${i}` });
    }
    const detail = ((await call('incidents.get', { id: 1 })) as any).result;
    expect(detail.timelineTotal).toBe(1501);
    expect(detail.timeline).toHaveLength(1000);
    expect(detail.timeline[0].text).toBe('note 500');
    expect(detail.timeline.at(-1).text).toBe('note 1499');
    const older = ((await call('incidents.timeline', { id: 1, beforeId: detail.timeline[0].id, limit: 400 })) as any).result;
    expect(older.map((e: any) => e.text)).toEqual(Array.from({ length: 400 }, (_, i) => `note ${100 + i}`));
    const first = ((await call('incidents.timeline', { id: 1, beforeId: older[0].id })) as any).result;
    expect(first[0].kind).toBe('declared');
    expect(first).toHaveLength(101);
  });

  it('lists newest first and filters by open and by status', async () => {
    for (const title of ['first', 'second', 'third']) {
      await call('incidents.declare', { title, severity: 'P3' });
      clock += 1000;
    }
    await call('incidents.setStatus', { id: 2, status: 'resolved' });
    const titles = async (status: string) => ((await call('incidents.list', { status })) as any).result.map((i: any) => i.title);
    expect(await titles('all')).toEqual(['third', 'second', 'first']);
    expect(await titles('open')).toEqual(['third', 'first']);
    expect(await titles('resolved')).toEqual(['second']);
  });

  it('records field changes and refuses unknown severities, statuses and incidents with clear messages', async () => {
    await call('incidents.declare', { title: 'DB locked', severity: 'P2' });
    await call('incidents.change', { id: 1, commander: 'ben', severity: 'P1' });
    const detail = (await call('incidents.get', { id: 1 })) as any;
    expect(detail.result.timeline.slice(1).map((e: any) => e.kind)).toEqual(['severity', 'commander']);
    expect(detail.result.timeline[1].text).toMatch(/P2 → P1|P2 to P1/);
    expect(detail.result.timeline[2].text).toContain('ben');
    expect(await call('incidents.declare', { title: 'x', severity: 'P9' })).toMatchObject({
      error: { code: 'bad_request', message: expect.stringMatching(/Severity 'P9' is not in the scheme; use one of P1, P2, P3, P4/) },
    });
    expect(await call('incidents.setStatus', { id: 1, status: 'done' })).toMatchObject({ error: { code: 'bad_request' } });
    expect(await call('incidents.get', { id: 42 })).toEqual({ id: 1, error: { code: 'not_found', message: 'There is no incident #42.' } });
    expect(await call('incidents.setStatus', { id: 1, status: 'investigating' })).toMatchObject({
      error: { code: 'conflict', message: 'Nothing to change on incident #1: it already is as asked.' },
    });
  });

  it('computes the tray state from open incidents', async () => {
    expect(((await call('tray.state')) as any).result).toEqual({ level: 'ok', summary: 'All clear', openIncidents: [], problems: [], snoozedUntil: null });
    await call('incidents.declare', { title: 'slow search', severity: 'P3' });
    expect(((await call('tray.state')) as any).result.level).toBe('degraded');
    await call('incidents.declare', { title: 'site down', severity: 'P1' });
    const state = ((await call('tray.state')) as any).result;
    expect(state.level).toBe('down');
    expect(state.summary).toBe('2 open incidents');
  });

  it('emits change events for its own writes and for writes by another process', async () => {
    const seen: string[] = [];
    engine.onEvent((e) => seen.push(e.event));
    await call('incidents.declare', { title: 'a', severity: 'P4' });
    expect(seen[0]).toBe('incidents.changed');
    // The tray follows at once, or at the end of its 250 ms gap when it was just sent (earlier tests).
    await expect.poll(() => seen).toEqual(['incidents.changed', 'tray.changed']);

    const other = createEngine({ dataDir: dir, actor: 'cli', externalChangePollMs: 50 });
    const watcher = createEngine({ dataDir: dir, actor: 'app', externalChangePollMs: 50 });
    const external: unknown[] = [];
    watcher.onEvent((e) => external.push(e));
    await other.dispatch({ id: 1, method: 'incidents.declare', params: { title: 'from the CLI', severity: 'P2' } });
    await expect.poll(() => external, { timeout: 10_000 }).toContainEqual({ event: 'incidents.changed', payload: { id: null } });
    other.close();
    watcher.close();
  });
});
