import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { nativeDeliver } from '../../main/engine/notifications/deliver';
import { AlertmanagerClient } from '../../main/engine/lib/clients/alertmanager-client';
import { type DesktopSession, startDesktopSession } from '../fixtures/desktop-session';
import { type MetricsExporter, type PromStack, startExporter, startPromStack, waitUntil } from '../fixtures/prometheus-stack';
import { removeDir, tempDir } from '../helpers/temp-dir';

const RULES = `groups:
  - name: trayage-test
    rules:
      - alert: CheckoutErrors
        expr: app_error_ratio > 0.05
        labels: { severity: critical, service: checkout }
        annotations:
          summary: "5xx ratio above 5%"
          description: "Checkout answers 5xx to more than 5% of requests"
          runbook_url: https://runbooks.example/checkout-errors
`;

describe('alerts area: real Prometheus → Alertmanager → Trayage → D-Bus notification → silence', () => {
  let exporter: MetricsExporter;
  let stack: PromStack;
  let session: DesktopSession;
  let dir: string;
  let engine: Engine;
  const saved = { ...process.env };
  const call = async (method: string, params: unknown = {}) => {
    const reply = (await engine.dispatch({ id: 1, method, params })) as any;
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };

  beforeAll(async () => {
    exporter = await startExporter();
    exporter.set('app_error_ratio', 0.01, { route: '/pay' });
    [stack, session] = await Promise.all([startPromStack(exporter, RULES), startDesktopSession()]);
    Object.assign(process.env, session.env);
    dir = tempDir();
    const config = path.join(dir, 'monitors.yaml');
    fs.writeFileSync(config, `sources:\n  - name: prod-alertmanager\n    alertmanager: ${stack.alertmanager}\n    severity-label: severity\n    poll: 500ms\n`);
    engine = createEngine({ dataDir: dir, actor: 'ana', configPath: config, deliver: nativeDeliver() });
  }, 60_000);
  afterAll(async () => {
    engine?.close();
    process.env.DISPLAY = saved.DISPLAY;
    process.env.DBUS_SESSION_BUS_ADDRESS = saved.DBUS_SESSION_BUS_ADDRESS;
    await Promise.all([stack?.stop(), session?.stop(), exporter?.close()]);
    removeDir(dir);
  });

  it('follows an alert from firing to silenced and back, with the incident timeline', async () => {
    expect((await call('alerts.list')).sources).toEqual([expect.objectContaining({ name: 'prod-alertmanager', ok: true, canSilence: true })]);
    exporter.set('app_error_ratio', 0.3, { route: '/pay' });

    const alert = await waitUntil('the alert in Trayage', async () => (await call('alerts.list')).alerts.find((a: any) => a.state === 'firing'), 30_000);
    expect(alert).toMatchObject({ name: 'CheckoutErrors', severity: 'P1', url: 'https://runbooks.example/checkout-errors' });
    const notice = await session.waitFor((n) => n.summary.startsWith('P1 CheckoutErrors is firing'));
    expect(notice.body).toContain('5xx ratio above 5%');
    expect(notice.body).toContain('Runbook: https://runbooks.example/checkout-errors');
    expect((await call('tray.state')).problems).toContainEqual(expect.objectContaining({ level: 'down', label: expect.stringContaining('CheckoutErrors') }));

    const incident = await call('alerts.declare', { source: 'prod-alertmanager', key: alert.key });
    expect(incident).toMatchObject({ title: 'CheckoutErrors: 5xx ratio above 5%', severity: 'P1', service: 'checkout', acknowledgedAt: null });
    expect((await call('incidents.get', { id: incident.id })).timers.map((t: any) => t.kind)).toContain('ack');

    const { silenceId } = await call('alerts.ack', { source: 'prod-alertmanager', key: alert.key, minutes: 240, comment: 'on it' });
    const silence = await new AlertmanagerClient(stack.alertmanager).silence(silenceId);
    expect(silence).toMatchObject({ createdBy: 'ana', comment: 'on it', status: { state: 'active' } });
    expect(Date.parse(silence.endsAt) - Date.parse(silence.startsAt)).toBeGreaterThan(239 * 60_000);
    // The linked incident is acknowledged with the alert: stamped, and its ack timer stops.
    const acknowledged = await call('incidents.get', { id: incident.id });
    expect(acknowledged.incident.acknowledgedAt).toEqual(expect.any(Number));
    expect(acknowledged.timers.map((t: any) => t.kind)).not.toContain('ack');
    expect(acknowledged.timeline.filter((e: any) => e.kind === 'ack')).toEqual([expect.objectContaining({ actor: 'ana' })]);
    await waitUntil('the alert to show silenced', async () => (await call('alerts.list')).alerts.find((a: any) => a.state === 'silenced' && a.silencedBy.includes(silenceId)));
    expect((await call('tray.state')).problems.filter((p: any) => p.label.includes('CheckoutErrors'))).toEqual([]);

    await call('alerts.unsilence', { source: 'prod-alertmanager', silenceId, incidentId: incident.id });
    expect((await new AlertmanagerClient(stack.alertmanager).silence(silenceId)).status.state).toBe('expired');
    await waitUntil('the alert to fire again', async () => (await call('alerts.list')).alerts.find((a: any) => a.state === 'firing'));

    exporter.set('app_error_ratio', 0.01, { route: '/pay' });
    await waitUntil('the alert to resolve', async () => (await call('alerts.list')).alerts.length === 0, 30_000);
    await session.waitFor((n) => n.summary === 'CheckoutErrors resolved');

    const timeline = (await call('incidents.get', { id: incident.id })).timeline.map((e: any) => e.text);
    expect(timeline.some((t: string) => t.startsWith('Declared from alert CheckoutErrors (prod-alertmanager)') && t.includes('Runbook: https://runbooks.example/checkout-errors'))).toBe(true);
    expect(timeline.some((t: string) => t.includes(`silence ${silenceId}`) && t.includes('on it'))).toBe(true);
    expect(timeline).toContain(`Expired silence ${silenceId} (prod-alertmanager)`);
    expect(timeline).toContain('Alert CheckoutErrors is firing (prod-alertmanager)');
    expect(timeline).toContain('Alert CheckoutErrors resolved (prod-alertmanager)');
  }, 120_000);
});
