import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startWebhookServer } from '../helpers/webhook-server';

const MIN = 60_000;

describe('engine: incident workflow', () => {
  let dir: string;
  let engine: Engine;
  let clock: number;
  const call = async (method: string, params: unknown = {}) => (await engine.dispatch({ id: 1, method, params })) as any;
  const ok = async (method: string, params: unknown = {}) => {
    const reply = await call(method, params);
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };

  beforeEach(() => {
    dir = tempDir();
    clock = Date.UTC(2026, 10, 23, 2, 0, 0);
    engine = createEngine({ dataDir: dir, actor: 'ana', now: () => clock, deliver: async () => {}, areas: { channels: { timeoutMs: 300 } } });
  });
  afterEach(() => {
    engine.close();
    removeDir(dir);
  });

  it('attaches the checklists of the severity and stamps ticks and added items', async () => {
    await ok('incidents.declare', { title: 'Checkout down', severity: 'P1' });
    await ok('incidents.declare', { title: 'Slow search', severity: 'P3' });
    const p1 = await ok('incidents.get', { id: 1 });
    const p3 = await ok('incidents.get', { id: 2 });
    expect(p1.checklists.map((c: any) => c.title)).toEqual(['Critical incident: quick response', 'During the incident']);
    expect(p3.checklists.map((c: any) => c.title)).toEqual(['Incident: quick response', 'During the incident']);
    const first = p1.checklists[0].items[0];
    clock += MIN;
    const ticked = await ok('checklists.tick', { itemId: first.id, done: true });
    expect(ticked.items[0]).toMatchObject({ doneAt: clock, doneBy: 'ana' });
    const added = await ok('checklists.addItem', { checklistId: p1.checklists[0].id, text: 'Page the database team' });
    expect(added.items.at(-1).text).toBe('Page the database team');
    const timeline = (await ok('incidents.get', { id: 1 })).timeline.map((e: any) => e.text);
    expect(timeline).toContain(`Done: ${first.text} (Critical incident: quick response)`);
    expect(timeline).toContain('Added to Critical incident: quick response: Page the database team');
    expect((await ok('incidents.list', { status: 'open' })).find((i: any) => i.id === 1).checklist).toEqual({ done: 1, total: p1.checklists.flatMap((c: any) => c.items).length + 1 });
  });

  it('keeps webhook URLs sealed: never in plaintext in the database file', async () => {
    const secretUrl = 'https://hooks.slack.example/services/T123/B456/very-secret-token';
    const channel = await ok('channels.save', { name: '#ops', kind: 'slack', url: secretUrl });
    expect(channel).toEqual({ id: 1, name: '#ops', kind: 'slack', settings: {}, secretsSet: ['url'] });
    expect(JSON.stringify(await ok('channels.list'))).not.toContain('very-secret-token');
    engine.close();
    for (const file of fs.readdirSync(dir).filter((f) => f.startsWith('trayage.db'))) {
      expect(fs.readFileSync(path.join(dir, file)).includes(Buffer.from('very-secret-token')), file).toBe(false);
    }
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    engine = createEngine({ dataDir: dir, actor: 'ana', now: () => clock, deliver: async () => {} });
    expect(await ok('channels.list')).toEqual([channel]);
  });

  it('posts an update, restarts the update timer, and keeps the text when the hook fails', async () => {
    const hook = await startWebhookServer();
    const broken = await startWebhookServer(500);
    const slow = await startWebhookServer(200, 2000);
    try {
      await ok('incidents.declare', { title: 'API errors', severity: 'P1' });
      await ok('channels.save', { name: 'good', kind: 'json', url: hook.url });
      await ok('channels.save', { name: 'broken', kind: 'slack', url: broken.url });
      await ok('channels.save', { name: 'slow', kind: 'slack', url: slow.url });
      const byName = Object.fromEntries((await ok('channels.list')).map((c: any) => [c.name, c]));
      const [good, bad, slowChannel] = [byName.good, byName.broken, byName.slow];
      clock += 10 * MIN;
      const sent = await ok('updates.post', { incidentId: 1, channelId: good.id, text: 'Investigating elevated 5xx.' });
      expect(sent).toMatchObject({ ok: true, state: 'sent', summary: expect.stringContaining('HTTP 200'), text: 'Investigating elevated 5xx.' });
      expect(JSON.parse(hook.bodies[0].body)).toMatchObject({ text: 'Investigating elevated 5xx.', incident: { id: 1, title: 'API errors' } });
      const detail = await ok('incidents.get', { id: 1 });
      expect(detail.incident.lastUpdateAt).toBe(clock);
      expect(detail.timers.find((t: any) => t.kind === 'update').dueAt).toBe(clock + 30 * MIN);

      const failed = await ok('updates.post', { incidentId: 1, channelId: bad.id, text: 'Second update' });
      expect(failed.ok).toBe(false);
      expect(failed.text).toBe('Second update');
      expect(failed.error).toMatch(/500/);
      expect(failed.error).not.toContain('secret-token');
      const timedOut = await ok('updates.post', { incidentId: 1, channelId: slowChannel.id, text: 'Third update' });
      expect(timedOut).toMatchObject({ ok: false, text: 'Third update' });
      expect(timedOut.error).toMatch(/300 ms/);
      const texts = (await ok('incidents.get', { id: 1 })).timeline.map((e: any) => e.text);
      expect(texts.some((t: string) => t.startsWith('Update NOT sent via broken'))).toBe(true);
      expect((await ok('incidents.get', { id: 1 })).timeline.find((e: any) => e.kind === 'update-failed').data.text).toBe('Second update');
      // The failed posts did not restart the update timer.
      expect((await ok('incidents.get', { id: 1 })).incident.lastUpdateAt).toBe(clock);
    } finally {
      await Promise.all([hook.close(), broken.close(), slow.close()]);
    }
  });

  it('searches incidents, notes and timeline with filters; reports MTTA/MTTR; exports', async () => {
    await ok('incidents.declare', { title: 'Database locked on db-1', severity: 'P2', service: 'heroforge' });
    clock += 5 * MIN;
    await ok('incidents.change', { id: 1, acknowledge: true });
    await ok('incidents.addNote', { id: 1, text: 'sqlite3 PRAGMA integrity_check returned ok' });
    clock += 25 * MIN;
    await ok('incidents.setStatus', { id: 1, status: 'resolved' });
    await ok('incidents.declare', { title: 'Disk full', severity: 'P1', service: 'hotdash' });

    expect((await ok('incidents.search', { query: 'integrity_check' })).map((h: any) => [h.incidentId, h.snippet])).toEqual([
      [1, 'sqlite3 PRAGMA [integrity_check] returned ok'],
    ]);
    expect((await ok('incidents.search', { query: 'locked' }))[0]).toMatchObject({ incidentId: 1, entryId: null });
    expect(await ok('incidents.search', { query: 'disk', service: 'heroforge' })).toEqual([]);
    expect((await ok('incidents.search', { query: '', severity: 'P1' })).map((h: any) => h.title)).toEqual(['Disk full']);
    expect(await ok('incidents.search', { query: '"); DROP TABLE incidents; --' })).toEqual([]);

    const metrics = await ok('incidents.metrics', { from: clock - 86_400_000, to: clock + 1 });
    expect(metrics.bySeverity.find((m: any) => m.severity === 'P2')).toMatchObject({ count: 1, mttaMs: 5 * MIN, mttrMs: 30 * MIN });
    expect(metrics.overall.count).toBe(2);

    const csv = await ok('incidents.export', { format: 'csv' });
    expect(csv.filename).toMatch(/^trayage-incidents-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.content.split('\r\n')[0]).toMatch(/^id,/);
    expect(csv.content).toContain('Database locked on db-1');
    const json = JSON.parse((await ok('incidents.export', { format: 'json' })).content);
    expect(json.incidents).toHaveLength(2);
    expect(json.incidents.find((i: any) => i.id === 1).timeline.length).toBeGreaterThan(2);
  });

  it('lets the team pick and edit a severity scheme, with errors naming level and field', async () => {
    const schemes = await ok('schemes.list');
    expect(schemes.map((s: any) => s.id)).toContain('sev-1-4-gitquest');
    const picked = await ok('schemes.setActive', { scheme: { id: 'sev-1-4-gitquest' } });
    expect(picked.levels.map((l: any) => l.key)).toEqual(['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
    expect((await ok('incidents.lifecycle')).severities[0].key).toBe('SEV-1');
    const edited = structuredClone(picked);
    edited.levels[0].responseMinutes = -5;
    const refused = await call('schemes.setActive', { scheme: edited });
    expect(refused.error.code).toBe('bad_request');
    expect(refused.error.message).toMatch(/SEV-1.*responseMinutes/);
    edited.levels[0].responseMinutes = 10;
    expect((await ok('schemes.setActive', { scheme: edited })).levels[0].responseMinutes).toBe(10);
    await ok('incidents.declare', { title: 'Outage', severity: 'SEV-1' });
    const ack = (await ok('incidents.get', { id: 1 })).timers.find((t: any) => t.kind === 'ack');
    expect(ack.dueAt).toBe(clock + 10 * MIN);
  });

  it('offers contacts for escalation as mailto:/tel: links and validates them', async () => {
    const bad = await call('contacts.set', { contacts: [{ role: 'primary', name: 'Dana', email: 'not-an-email' }] });
    expect(bad.error.message).toMatch(/e-mail/);
    await ok('contacts.set', {
      contacts: [
        { role: 'secondary', name: 'Sam Lee', phone: '+1 555 0101', email: 'sam@example.com' },
        { role: 'engineering-lead', name: 'Kim Park', email: 'kim@example.com' },
      ],
    });
    await ok('incidents.declare', { title: 'Outage', severity: 'P1' });
    const { escalation } = await ok('incidents.get', { id: 1 });
    const hrefs = escalation.flatMap((t: any) => t.contacts.flatMap((c: any) => c.links.map((l: any) => l.href)));
    expect(hrefs).toEqual(expect.arrayContaining(['mailto:sam@example.com', 'tel:+15550101', 'mailto:kim@example.com']));
  });

  it('lets the team configure statuses, and stamps roles', async () => {
    const bad = await call('lifecycle.set', { lifecycle: { statuses: [{ key: 'open', name: 'Open', open: true, watch: false, next: ['nowhere'] }, { key: 'closed', name: 'Closed', open: false, watch: false, next: [] }] } });
    expect(bad.error.message).toMatch(/Status open, field next: 'nowhere' is not a status key/);
    await ok('lifecycle.set', {
      lifecycle: {
        statuses: [
          { key: 'triage', name: 'Triage', open: true, watch: false, next: ['mitigated', 'closed'] },
          { key: 'mitigated', name: 'Mitigated', open: true, watch: true, next: ['closed', 'triage'] },
          { key: 'closed', name: 'Closed', open: false, watch: true, next: ['triage'] },
        ],
      },
    });
    const incident = await ok('incidents.declare', { title: 'Queue backlog', severity: 'P2' });
    expect(incident.status).toBe('triage');
    await ok('incidents.setStatus', { id: incident.id, status: 'mitigated' });
    expect((await ok('incidents.list', { status: 'open' })).map((i: any) => i.status)).toEqual(['mitigated']);
    await ok('incidents.change', { id: incident.id, roles: { comms: 'Sam', scribe: 'Lee' } });
    await ok('incidents.change', { id: incident.id, roles: { scribe: '' } });
    const detail = await ok('incidents.get', { id: incident.id });
    expect(detail.incident.roles).toEqual({ comms: 'Sam' });
    expect(detail.timeline.filter((e: any) => e.kind === 'roles').map((e: any) => e.text)).toEqual(['Roles — comms: Sam, scribe: Lee', 'Roles — scribe cleared']);
  });

  it('survives a restart: timers are derived from stored timestamps', async () => {
    await ok('incidents.declare', { title: 'Outage', severity: 'P1' });
    const before = (await ok('incidents.get', { id: 1 })).timers;
    engine.close();
    clock += 7 * MIN;
    engine = createEngine({ dataDir: dir, actor: 'ana', now: () => clock, deliver: async () => {} });
    const after = (await ok('incidents.get', { id: 1 })).timers;
    expect(after.map((t: any) => [t.kind, t.dueAt])).toEqual(before.map((t: any) => [t.kind, t.dueAt]));
    const db = new Database(path.join(dir, 'trayage.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
