import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitUntil } from '../fixtures/prometheus-stack';

export interface WebhookAlertmanager {
  url: string;
  /** Notifications Alertmanager delivered to the webhook without an error. */
  delivered(): Promise<number>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

function metric(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes('integration="webhook"'));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

/**
 * Debian's Alertmanager 0.25 on loopback with one webhook receiver posting to `webhookUrl` with a
 * bearer token. Short group timings, so that repeats and resolutions arrive within seconds.
 */
export async function startWebhookAlertmanager(webhookUrl: string, token: string): Promise<WebhookAlertmanager> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-am-intake-'));
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'alertmanager.yml'),
    [
      'global:',
      '  resolve_timeout: 1m',
      'route:',
      '  receiver: trayage',
      "  group_by: ['alertname']",
      '  group_wait: 1s',
      '  group_interval: 1s',
      '  repeat_interval: 2s',
      'receivers:',
      '  - name: trayage',
      '    webhook_configs:',
      `      - url: '${webhookUrl}'`,
      '        send_resolved: true',
      '        http_config:',
      '          authorization:',
      `            credentials: '${token}'`,
      '',
    ].join('\n'),
  );
  let log = '';
  const proc: ChildProcess = spawn(
    'prometheus-alertmanager',
    [`--config.file=${dir}/alertmanager.yml`, `--storage.path=${dir}/data`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  proc.stderr!.on('data', (c) => (log += c));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(`Alertmanager ready at ${url}`, async () => {
      if (proc.exitCode !== null) throw new Error(`Alertmanager exited:\n${log}`);
      return (await fetch(`${url}/-/ready`)).ok;
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    async delivered() {
      const text = await (await fetch(`${url}/metrics`)).text();
      return metric(text, 'alertmanager_notifications_total') - metric(text, 'alertmanager_notifications_failed_total');
    },
    stop,
  };
}
