import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourcePoller } from '../../main/engine/alerts/source-poller';
import { AlertmanagerClient } from '../../main/engine/lib/clients/alertmanager-client';
import { joinUrl } from '../../main/engine/lib/http/join-url';
import { prometheusProbe, type PrometheusSettings } from '../../main/engine/monitors/checks/prometheus-kind';
import { parseMonitorConfig } from '../../main/engine/monitors/config-loader';
import type { MonitorDefinition } from '../../main/engine/monitors/domain/check-types';
import { type MetricsExporter, type PromStack, startExporter, startPromStack, waitUntil } from '../fixtures/prometheus-stack';
import { type PrefixProxy, startPrefixProxy } from './prefix-proxy';

const RULES = `groups:
  - name: trayage-test
    rules:
      - alert: QueueBacklog
        expr: queue_depth > 100
        labels: { severity: warning }
`;

describe('joinUrl keeps the base path', () => {
  it.each([
    ['http://127.0.0.1:9093', '/api/v2/alerts', 'http://127.0.0.1:9093/api/v2/alerts'],
    ['http://127.0.0.1:9093/', '/api/v2/alerts', 'http://127.0.0.1:9093/api/v2/alerts'],
    ['https://host/alertmanager', '/api/v2/alerts', 'https://host/alertmanager/api/v2/alerts'],
    ['https://host/alertmanager/', 'api/v2/alerts', 'https://host/alertmanager/api/v2/alerts'],
    ['https://host/a/b//', '/api/v1/query', 'https://host/a/b/api/v1/query'],
    ['https://host/am?tenant=ops#top', '/api/v2/silences', 'https://host/am/api/v2/silences?tenant=ops'],
    ['https://ghe.example/api/v3', `/repos/acme/heroforge`, 'https://ghe.example/api/v3/repos/acme/heroforge'],
    ['https://host/am', `/api/v2/silence/${encodeURIComponent('a/b c')}`, 'https://host/am/api/v2/silence/a%2Fb%20c'],
  ])('%s + %s', (base, p, joined) => {
    expect(joinUrl(base, p).href).toBe(joined);
  });
});

// Prometheus and Alertmanager published under /prometheus and /alertmanager by a reverse proxy.
describe('sources and query monitors behind a reverse proxy with a base path', () => {
  let exporter: MetricsExporter;
  let stack: PromStack;
  let proxy: PrefixProxy;
  beforeAll(async () => {
    exporter = await startExporter();
    exporter.set('queue_depth', 500, { queue: 'emails' });
    stack = await startPromStack(exporter, RULES);
    proxy = await startPrefixProxy({ '/alertmanager': stack.alertmanager, '/prometheus': stack.prometheus });
  }, 40_000);
  afterAll(async () => {
    await proxy?.close();
    await stack?.stop();
    await exporter?.close();
  });

  it('polls, silences and unsilences an Alertmanager at https://host/alertmanager', async () => {
    const { sources } = parseMonitorConfig(`sources:\n  - name: proxied\n    alertmanager: ${proxy.url}/alertmanager\n    poll: 500ms\n`, 'monitors.yaml');
    const poller = new SourcePoller(sources[0], () => {});
    const firing = await waitUntil('the alert through the proxy', async () => (await poller.pollOnce()).alerts.find((a) => a.state === 'firing'), 30_000);
    expect(firing).toMatchObject({ name: 'QueueBacklog', severity: 'P3', source: 'proxied' });
    expect(poller.current()).toMatchObject({ ok: true, error: null });

    const silenceId = await poller.silence(firing, 600_000, 'ana', 'through the proxy');
    expect((await new AlertmanagerClient(stack.alertmanager).silence(silenceId)).status.state).toBe('active');
    await poller.unsilence(silenceId);
    expect((await new AlertmanagerClient(stack.alertmanager).silence(silenceId)).status.state).toBe('expired');
    expect(proxy.seen.filter((u) => !u.startsWith('/alertmanager/api/v2/'))).toEqual([]);
  }, 60_000);

  it('says which URL it asked when the base path is wrong', async () => {
    const { sources } = parseMonitorConfig(`sources:\n  - name: wrong-path\n    alertmanager: ${proxy.url}/am\n`, 'monitors.yaml');
    const status = await new SourcePoller(sources[0], () => {}).pollOnce();
    expect(status.error).toBe(`wrong-path: ${proxy.url}/am/api/v2/alerts answered HTTP 404: no such path on this proxy`);
  });

  it('runs a Prometheus query monitor against https://host/prometheus', async () => {
    for (const server of [`${proxy.url}/prometheus`, `${proxy.url}/prometheus/`]) {
      const { monitors } = parseMonitorConfig(`monitors:\n  - name: backlog\n    prometheus: ${server}\n    query: queue_depth\n    conditions: ["[VALUE] < 100"]\n`, 'monitors.yaml');
      const probe = await waitUntil('a scraped series', async () => {
        const p = await prometheusProbe(monitors[0] as MonitorDefinition<PrometheusSettings>, Date.now);
        return p.series?.length ? p : undefined;
      });
      expect(probe).toMatchObject({ value: 500, series: [{ labels: { __name__: 'queue_depth', queue: 'emails' }, ok: false }] });
      expect(probe.error).toBeUndefined();
    }
    expect(proxy.seen.filter((u) => u.startsWith('/prometheus/')).every((u) => u.startsWith('/prometheus/api/v1/query?'))).toBe(true);
  });
});

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, '../fixtures/github', name), 'utf8');

describe('GitHub Actions on a GitHub Enterprise API at https://host/api/v3', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    // The recorded replies, answered only under /api/v3 as GitHub Enterprise Server does.
    server = http.createServer((req, res) => {
      if (req.url === '/api/v3/repos/acme/heroforge') return res.end(fixture('repo.json'));
      if (req.url?.startsWith('/api/v3/repos/acme/heroforge/actions/runs?')) return res.end(fixture('runs.json'));
      res.writeHead(404).end('{"message":"Not Found"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('reports the failed deploy run', async () => {
    const { sources } = parseMonitorConfig(`sources:\n  - name: deploys\n    github-actions: acme/heroforge\n    api-url: ${base}/api/v3\n`, 'monitors.yaml');
    const status = await new SourcePoller(sources[0], () => {}).pollOnce();
    expect(status).toMatchObject({ ok: true, alerts: [{ key: 'run:30433642', name: 'Deploy failed on main' }] });
  });
});
