import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/cli-process';
import { waitUntil } from '../fixtures/prometheus-stack';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc, type RpcClient } from '../helpers/ws-client';
import { startWebhookAlertmanager, type WebhookAlertmanager } from './alertmanager-webhook';

// A real Alertmanager 0.25 whose webhook receiver posts to the `serve` intake with an integration's token.
describe('Alertmanager webhook → incident intake', () => {
  let dir: string;
  let serve: ServeProcess;
  let am: WebhookAlertmanager;
  let rpc: RpcClient;

  const labels = { alertname: 'DiskFull', instance: 'db-1:9100', severity: 'critical', service: 'orders-db' };
  const postAlert = async (endsAt?: string) => {
    const alert = { labels, annotations: { summary: 'Disk 97% full on /var' }, ...(endsAt ? { endsAt } : {}) };
    const res = await fetch(`${am.url}/api/v2/alerts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify([alert]) });
    expect(res.status).toBe(200);
  };
  const incidents = async () => (await rpc.call('incidents.list', { status: 'all' })).result as any[];

  beforeAll(async () => {
    dir = tempDir();
    serve = await startServe(dir);
    const added = await cli('integrations', 'add', 'alertmanager-prod', '--kind', 'alertmanager', '--data-dir', dir, '--json');
    expect(added.code).toBe(0);
    const { token, path } = JSON.parse(added.stdout);
    am = await startWebhookAlertmanager(`http://127.0.0.1:${serve.port}${path}`, token);
    rpc = await connectRpc(serve.port, serve.token);
  });
  afterAll(async () => {
    rpc?.close();
    await am?.stop();
    await serve?.stop();
    removeDir(dir);
  });

  it('opens one incident for a firing alert through re-sends and repeats, and stamps its resolution', async () => {
    await postAlert();
    const [opened] = await waitUntil('the incident opened by the intake', async () => {
      const list = await incidents();
      return list.length > 0 && list;
    });
    const [amAlert] = (await (await fetch(`${am.url}/api/v2/alerts`)).json()) as { fingerprint: string }[];
    expect(opened).toMatchObject({ title: 'DiskFull: Disk 97% full on /var', severity: 'P1', service: 'orders-db', status: 'investigating', dedupeKeys: [amAlert.fingerprint] });

    // The same alert posted again, and Alertmanager repeating the notification (repeat_interval 2s).
    const before = await am.delivered();
    await postAlert();
    await postAlert();
    await waitUntil('three more webhook deliveries', async () => (await am.delivered()) >= before + 3, 30_000);
    expect((await incidents()).map((i) => i.id)).toEqual([opened.id]);

    await postAlert(new Date().toISOString());
    const stamped = await waitUntil('the resolution in the timeline', async () => {
      const detail = (await rpc.call('incidents.get', { id: opened.id })).result;
      const entries = detail.timeline.filter((e: any) => e.kind === 'alert' && e.text.startsWith('Alert DiskFull resolved'));
      return entries.length > 0 && entries;
    }, 30_000);
    expect(stamped).toHaveLength(1);
    expect(stamped[0]).toMatchObject({ actor: 'intake alertmanager-prod', data: { integration: 'alertmanager-prod', dedupeKey: amAlert.fingerprint, status: 'resolved' } });
    expect(stamped[0].text).toMatch(/^Alert DiskFull resolved at \d{4}-\d\d-\d\dT[\d:.]+Z \(intake alertmanager-prod \(alertmanager\), dedupe key [0-9a-f]+\)\./);
    const after = await incidents();
    expect(after).toHaveLength(1);
    // The person working the incident resolves it, not the alert.
    expect(after[0]).toMatchObject({ status: 'investigating', resolvedAt: null });
  });
});
