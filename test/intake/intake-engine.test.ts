import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { INTAKE_MAX_BYTES } from '../../main/engine/intake/intake-port';
import { removeDir, tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 10, 28, 3, 0, 0);

describe('incident intake in the engine', () => {
  let dir: string;
  let engine: Engine;
  let clock: number;

  const call = async (method: string, params: unknown = {}) => {
    const reply = (await engine.dispatch({ id: 1, method, params })) as any;
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  const post = (kind: string, token: string | null, body: unknown): { status: number; body: any } =>
    engine.intake.receive(kind, token === null ? {} : { authorization: `Bearer ${token}` }, Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)));
  const timeline = async (id: number) => ((await call('incidents.get', { id })).timeline as any[]).map((e) => [e.kind, e.text]);
  const am = (status: string, alert: Record<string, unknown>) => ({ version: '4', groupKey: 'g', status, alerts: [{ status, ...alert }] });
  const diskFull = {
    labels: { alertname: 'DiskFull', instance: 'db-1', severity: 'warning' },
    annotations: { summary: 'Disk 97% full' },
    startsAt: '2026-11-28T02:59:00Z',
    endsAt: '0001-01-01T00:00:00Z',
    fingerprint: 'fp-disk',
  };

  beforeEach(() => {
    dir = tempDir();
    clock = T0;
    engine = createEngine({ dataDir: dir, actor: 'ana', now: () => clock, background: false });
  });
  afterEach(() => {
    engine.close();
    removeDir(dir);
  });

  it('shows a token once, lists integrations without it, and keeps only its hash', async () => {
    const added = await call('integrations.add', { name: 'prod-am', kind: 'alertmanager' });
    expect(added).toEqual({ name: 'prod-am', kind: 'alertmanager', path: '/intake/alertmanager', createdAt: T0, lastUsedAt: null, token: expect.stringMatching(/^tri_[\w-]{43}$/) });
    const listed = await call('integrations.list');
    expect(listed).toEqual({ integrations: [{ name: 'prod-am', kind: 'alertmanager', path: '/intake/alertmanager', createdAt: T0, lastUsedAt: null }], listener: { host: '127.0.0.1', port: 47810 } });
    const raw = new Database(`${dir}/trayage.db`, { readonly: true });
    const stored = JSON.stringify(raw.prepare('SELECT * FROM intake_integrations').all());
    raw.close();
    expect(stored).not.toContain(added.token);
    expect(stored).toMatch(/"token_hash":"[0-9a-f]{64}"/);
    await expect(call('integrations.add', { name: 'prod-am', kind: 'json' })).rejects.toThrow("An integration named 'prod-am' exists already");
  });

  it('answers 401 alike for no token, a wrong one, another kind\'s, a rotated-out or a deleted one', async () => {
    const amToken = (await call('integrations.add', { name: 'am', kind: 'alertmanager' })).token;
    const jsonToken = (await call('integrations.add', { name: 'script', kind: 'json' })).token;
    const body = { title: 'x', severity: 'P2', dedupeKey: 'k' };
    const refusals = [post('json', null, body), post('json', 'tri_wrong', body), post('json', amToken, body)];
    const rotated = (await call('integrations.rotate', { name: 'script' })).token;
    refusals.push(post('json', jsonToken, body));
    expect(post('json', rotated, body).status).toBe(202);
    await call('integrations.delete', { name: 'script' });
    refusals.push(post('json', rotated, body));
    for (const r of refusals) {
      expect(r.status).toBe(401);
      expect(r.body.error).toBe("Missing or invalid token: send Authorization: Bearer TOKEN with the token of one of this intake's integrations (trayage integrations add).");
    }
    expect(engine.intake.receive('json', { authorization: `Basic ${amToken}` }, Buffer.from('{}')).status).toBe(401);
    expect(post('nagios', amToken, body).status).toBe(404);
  });

  it('refuses bad JSON, bad fields and oversized bodies with a reason, and records nothing', async () => {
    const token = (await call('integrations.add', { name: 'script', kind: 'json' })).token;
    expect(post('json', token, '{"title": ')).toMatchObject({ status: 400, body: { issues: [{ path: '(body)', message: 'is not valid JSON' }] } });
    expect(post('json', token, { title: 'x', severity: 'P9', dedupeKey: 'k' })).toMatchObject({
      status: 400,
      body: { issues: [{ path: 'severity', message: "'P9' is not a level of the severity scheme in force; use one of P1, P2, P3, P4 (or critical, high, warning, info)" }] },
    });
    const big = engine.intake.receive('json', { authorization: `Bearer ${token}` }, Buffer.alloc(INTAKE_MAX_BYTES + 1, 0x20));
    expect(big).toMatchObject({ status: 413, body: { error: expect.stringContaining('over 1024 KiB') } });
    expect(await call('incidents.list')).toEqual([]);
  });

  it('opens one incident per alert, however often it is re-sent, and stamps its resolution without resolving it', async () => {
    const token = (await call('integrations.add', { name: 'am', kind: 'alertmanager' })).token;
    const first = post('alertmanager', token, am('firing', diskFull));
    expect(first).toEqual({ status: 202, body: { accepted: 1, alerts: [{ dedupeKey: 'fp-disk', outcome: 'declared', incidentId: 1 }] } });
    clock += 60_000;
    expect(post('alertmanager', token, am('firing', diskFull)).body.alerts).toEqual([{ dedupeKey: 'fp-disk', outcome: 'unchanged', incidentId: 1 }]);
    clock += 60_000;
    const resolved = { ...diskFull, endsAt: '2026-11-28T03:01:30Z' };
    expect(post('alertmanager', token, am('resolved', resolved)).body.alerts).toEqual([{ dedupeKey: 'fp-disk', outcome: 'resolved', incidentId: 1 }]);
    expect(post('alertmanager', token, am('resolved', resolved)).body.alerts[0].outcome).toBe('unchanged');

    const list = await call('incidents.list');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 1, title: 'DiskFull: Disk 97% full', severity: 'P3', status: 'investigating', resolvedAt: null, dedupeKeys: ['fp-disk'] });
    const entries = await timeline(1);
    expect(entries.filter(([kind]) => kind === 'alert')).toEqual([
      ['alert', "Opened by intake am (alertmanager) from alert DiskFull, dedupe key fp-disk, firing since 2026-11-28T02:59:00Z.\nSeverity 'warning' rated P3.\nLabels: alertname=DiskFull, instance=db-1, severity=warning"],
      ['alert', 'Alert DiskFull resolved at 2026-11-28T03:01:30Z (intake am (alertmanager), dedupe key fp-disk). The incident stays open until someone resolves it.'],
    ]);
    expect((await call('integrations.list')).integrations[0].lastUsedAt).toBe(clock);
  });

  it('notes an alert firing again once, and opens a new incident once a person resolved the old one', async () => {
    const token = (await call('integrations.add', { name: 'script', kind: 'json' })).token;
    const send = (status: string) => post('json', token, { title: 'Checkout 502s', severity: 'critical', service: 'shop', dedupeKey: 'checkout', status });
    send('firing');
    send('resolved');
    expect(send('firing').body.alerts[0].outcome).toBe('refired');
    expect(send('firing').body.alerts[0].outcome).toBe('unchanged');
    expect((await timeline(1)).filter(([kind]) => kind === 'alert').map(([, text]) => text.split(' (')[0])).toEqual([
      'Opened by intake script',
      'Alert Checkout 502s resolved',
      'Alert Checkout 502s is firing again',
    ]);
    await call('incidents.setStatus', { id: 1, status: 'resolved' });
    expect(send('resolved').body.alerts[0]).toEqual({ dedupeKey: 'checkout', outcome: 'ignored', incidentId: 1 });
    expect(send('firing').body.alerts[0]).toEqual({ dedupeKey: 'checkout', outcome: 'declared', incidentId: 2 });
    const list = await call('incidents.list');
    expect(list.map((i: any) => [i.id, i.severity, i.service, i.dedupeKeys])).toEqual([
      [2, 'P1', 'shop', ['checkout']],
      [1, 'P1', 'shop', ['checkout']],
    ]);
  });

  it("rates an alert whose severity names no level at the scheme's lowest, and says so in the timeline", async () => {
    const token = (await call('integrations.add', { name: 'am', kind: 'alertmanager' })).token;
    post('alertmanager', token, am('firing', { ...diskFull, labels: { alertname: 'Odd', severity: 'purple' } }));
    const incident = (await call('incidents.list'))[0];
    expect(incident).toMatchObject({ title: 'Odd: Disk 97% full', severity: 'P4' });
    expect((await timeline(incident.id)).find(([kind]) => kind === 'alert')![1]).toContain("Severity 'purple' names no level of the scheme (P1, P2, P3, P4) nor a common word (critical, high, warning, info); rated P4, the lowest level.");
  });

  it('keeps the desktop listener address in Settings and refuses a host that is not an address', async () => {
    expect(await call('integrations.listen', { host: '0.0.0.0', port: 9000 })).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(engine.intake.listener()).toEqual({ host: '0.0.0.0', port: 9000 });
    await expect(call('integrations.listen', { host: 'example.com', port: 9000 })).rejects.toThrow('host must be an IP address');
  });
});
