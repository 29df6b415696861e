import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertmanagerClient } from '../../main/engine/lib/clients/alertmanager-client';
import type { AlertmanagerSource } from '../../main/engine/alerts/kinds/alertmanager-kind';
import { SourcePoller } from '../../main/engine/alerts/source-poller';
import { type MetricsExporter, type PromStack, startExporter, startPromStack, waitUntil } from '../fixtures/prometheus-stack';

const RULES = `groups:
  - name: trayage-test
    rules:
      - alert: HighErrorRate
        expr: app_error_ratio > 0.05
        labels: { severity: critical }
        annotations:
          summary: "Error rate {{ $value }} on {{ $labels.instance }}"
          runbook_url: https://runbooks.example/high-error-rate
`;

describe('Alertmanager source against real Prometheus and Alertmanager', () => {
  let exporter: MetricsExporter;
  let stack: PromStack;
  beforeAll(async () => {
    exporter = await startExporter();
    exporter.set('app_error_ratio', 0.2, { service: 'checkout' });
    stack = await startPromStack(exporter, RULES);
  }, 40_000);
  afterAll(async () => {
    await stack?.stop();
    await exporter?.close();
  });

  it('sees the firing alert, silences it on acknowledge, and sees it firing again when the silence ends', async () => {
    const def: AlertmanagerSource = {
      kind: 'alertmanager',
      name: 'prod-alertmanager',
      url: stack.alertmanager,
      severityLabel: 'severity',
      severityMap: { critical: 'P1' },
      silenceMatchers: ['alertname', 'instance'],
      pollMs: 500,
    };
    const events: string[] = [];
    const poller = new SourcePoller(def, (changes) => {
      for (const a of changes.firing) events.push(`firing ${a.name}`);
      for (const a of changes.resolved) events.push(`resolved ${a.name}`);
    });

    const firing = await waitUntil('the alert to fire', async () => (await poller.pollOnce()).alerts.find((a) => a.state === 'firing'), 30_000);
    expect(firing).toMatchObject({ source: 'prod-alertmanager', name: 'HighErrorRate', severity: 'P1', url: 'https://runbooks.example/high-error-rate' });
    expect(firing.annotations.summary).toMatch(/^Error rate 0\.2 on 127\.0\.0\.1:\d+$/);
    expect(events).toEqual(['firing HighErrorRate']);

    const silenceId = await poller.silence(firing, 3_600_000, 'ana', 'Acknowledged from Trayage');
    const client = new AlertmanagerClient(stack.alertmanager);
    const silence = await client.silence(silenceId);
    expect(silence).toMatchObject({ createdBy: 'ana', comment: 'Acknowledged from Trayage', status: { state: 'active' } });
    expect(silence.matchers.map((m) => `${m.name}=${m.value}`)).toEqual(['alertname=HighErrorRate', `instance=${firing.labels.instance}`]);
    expect(Date.parse(silence.endsAt) - Date.parse(silence.startsAt)).toBeGreaterThanOrEqual(3_599_000);

    const silenced = await waitUntil('the alert to show silenced', async () => (await poller.pollOnce()).alerts.find((a) => a.state === 'silenced'));
    expect(silenced.silencedBy).toEqual([silenceId]);

    await poller.unsilence(silenceId);
    expect((await client.silence(silenceId)).status.state).toBe('expired');
    await waitUntil('the alert to fire again', async () => (await poller.pollOnce()).alerts.find((a) => a.state === 'firing'));
    expect(events).toEqual(['firing HighErrorRate', 'firing HighErrorRate']);

    exporter.set('app_error_ratio', 0.01, { service: 'checkout' });
    await waitUntil('the alert to resolve', async () => (await poller.pollOnce()).alerts.length === 0, 30_000);
    expect(events.at(-1)).toBe('resolved HighErrorRate');
    exporter.set('app_error_ratio', 0.2, { service: 'checkout' });
  }, 90_000);

  it('reports an unreachable source as one problem and keeps its last alerts', async () => {
    const closed = net.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const def: AlertmanagerSource = {
      kind: 'alertmanager', name: 'dead-am', url: `http://127.0.0.1:${port}`, severityLabel: 'severity', severityMap: {}, silenceMatchers: ['alertname'], pollMs: 500,
    };
    const health: boolean[] = [];
    const poller = new SourcePoller(def, (_c, _s, healthChanged) => health.push(healthChanged));
    const status = await poller.pollOnce();
    expect(status).toMatchObject({ ok: false, alerts: [] });
    expect(status.error).toBe(`dead-am: http://127.0.0.1:${port}/api/v2/alerts refused the connection`);
    await poller.pollOnce();
    expect(health).toEqual([true, false]);
  });
});
