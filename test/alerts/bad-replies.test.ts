import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { failedDeployRuns } from '../../main/engine/alerts/github-actions-client';
import type { AlertmanagerSource } from '../../main/engine/alerts/kinds/alertmanager-kind';
import { SourcePoller, type SourceStatus } from '../../main/engine/alerts/source-poller';
import { instantQuery } from '../../main/engine/lib/clients/prometheus-client';

const GOOD_ALERT = {
  fingerprint: 'f1',
  labels: { alertname: 'DiskFull', instance: 'db1' },
  annotations: { summary: 'disk at 97%' },
  startsAt: '2026-11-23T02:40:12Z',
  endsAt: '2026-11-23T03:40:12Z',
  status: { state: 'active', silencedBy: [], inhibitedBy: [] },
};

// Replies that are not what the client reads, served on loopback: from a proxy's login page to an
// Alertmanager-like service that fills in fields differently.
describe('malformed replies become a source error that points at the URL', () => {
  let server: http.Server;
  let base: string;
  let reply: { type: string; body: string };
  const json = (value: unknown) => ({ type: 'application/json', body: JSON.stringify(value) });
  beforeAll(async () => {
    server = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': reply.type }).end(reply.body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    reply = json([GOOD_ALERT]);
  });

  const source = (): AlertmanagerSource => ({
    kind: 'alertmanager', name: 'odd-am', url: `${base}/am`, severityLabel: 'severity', severityMap: {}, silenceMatchers: ['alertname'], pollMs: 500,
  });
  const amError = (detail: string) => `odd-am: ${base}/am/api/v2/alerts is not an Alertmanager v2 API (${detail}): check the URL`;

  it.each([
    ['status is null', [{ ...GOOD_ALERT, status: null }], 'reply[0].status is null where an object belongs'],
    ['labels are missing', [{ ...GOOD_ALERT, labels: undefined }], 'reply[0].labels is missing'],
    ['the reply is not a list', { alerts: [GOOD_ALERT] }, 'the reply is an object where a list belongs'],
    ['a silence id is a number', [{ ...GOOD_ALERT, status: { ...GOOD_ALERT.status, silencedBy: [3] } }], 'reply[0].status.silencedBy[0] is number 3 where a string belongs'],
    ['two alerts are broken', [{ ...GOOD_ALERT, status: null }, { ...GOOD_ALERT, fingerprint: null }], 'reply[0].status is null where an object belongs and 1 more problem'],
  ])('%s', async (_what, body, detail) => {
    reply = json(body);
    const status = await new SourcePoller(source(), () => {}).pollOnce();
    expect(status).toMatchObject({ ok: false, alerts: [], error: amError(detail) });
  });

  it('an HTML page or an empty body', async () => {
    reply = { type: 'text/html', body: '<!doctype html><html><title>Sign in</title></html>' };
    expect((await new SourcePoller(source(), () => {}).pollOnce()).error).toBe(amError('the reply is not JSON but starts with "<!doctype html><html><title>Sign in</title></html>"'));
    reply = { type: 'application/json', body: '' };
    expect((await new SourcePoller(source(), () => {}).pollOnce()).error).toBe(amError('the reply is empty'));
  });

  it('keeps the last good alerts and reports the source once', async () => {
    const seen: { status: SourceStatus; healthChanged: boolean }[] = [];
    const poller = new SourcePoller(source(), (_changes, status, healthChanged) => seen.push({ status, healthChanged }));
    expect((await poller.pollOnce()).alerts.map((a) => a.name)).toEqual(['DiskFull']);
    reply = json([{ ...GOOD_ALERT, status: null }]);
    const broken = await poller.pollOnce();
    expect(broken).toMatchObject({ ok: false, alerts: [expect.objectContaining({ name: 'DiskFull', state: 'firing' })] });
    expect(seen.map((s) => s.healthChanged)).toEqual([false, true]);
  });

  it('a silence reply without its id', async () => {
    const poller = new SourcePoller(source(), () => {});
    const [alert] = (await poller.pollOnce()).alerts;
    reply = json({ id: 'x' });
    await expect(poller.silence(alert, 60_000, 'ana', 'on it')).rejects.toThrow(`${base}/am/api/v2/silences is not an Alertmanager v2 API (reply.silenceID is missing): check the URL`);
  });

  it('a Prometheus reply of the wrong shape', async () => {
    reply = json({ status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: null }] } });
    await expect(instantQuery(`${base}/prom`, 'up')).rejects.toThrow(`${base}/prom/api/v1/query is not a Prometheus query API (reply.data.result[0].value is null where a list belongs): check the URL`);
    reply = { type: 'text/html', body: '<html>Grafana</html>' };
    await expect(instantQuery(`${base}/prom`, 'up')).rejects.toThrow(/is not a Prometheus query API \(the reply is not JSON but starts with "<html>Grafana<\/html>"\): check the URL$/);
  });

  it('a GitHub reply of the wrong shape', async () => {
    reply = json({ default_branch: 'main', workflow_runs: null });
    await expect(failedDeployRuns(`${base}/api/v3`, 'acme/heroforge', { source: 'deploys', severity: 'P2' })).rejects.toThrow(
      `${base}/api/v3/repos/acme/heroforge/actions/runs is not a GitHub REST API (reply.workflow_runs is null where a list belongs): check the URL`,
    );
  });
});
