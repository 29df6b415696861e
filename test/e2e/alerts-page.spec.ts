import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe, stopProcess } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

test.use({ timezoneId: 'Europe/Berlin' });

const MINUTE = 60_000;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

// Debian's Alertmanager on loopback; alerts are posted to it directly, with the start times the test needs.
async function startAlertmanager(dir: string): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), "route:\n  receiver: 'null'\nreceivers:\n  - name: 'null'\n");
  const proc = spawn(
    'prometheus-alertmanager',
    [`--config.file=${dir}/alertmanager.yml`, `--storage.path=${dir}/am`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await fetch(`${url}/-/ready`).then((r) => r.ok, () => false)) return { url, proc };
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill();
  throw new Error('Alertmanager did not get ready in 20 s');
}

function alert(name: string, severity: string | null, startedMinutesAgo: number, annotations: Record<string, string> = {}) {
  const now = Date.now();
  return {
    labels: { alertname: name, instance: `${name.toLowerCase()}-1`, ...(severity ? { severity } : {}) },
    annotations,
    startsAt: new Date(now - startedMinutesAgo * MINUTE).toISOString(),
    endsAt: new Date(now + 60 * MINUTE).toISOString(),
  };
}

// WCAG contrast between two CSS rgb() colours.
function contrast(first: string, second: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [luminance(first), luminance(second)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

test('alerts are sorted by the scheme’s severity order, then newest first; runbook links are readable on the dark background', async ({ page }) => {
  const dataDir = tempDir();
  const am = await startAlertmanager(dataDir);
  const config = path.join(dataDir, 'monitors.yaml');
  fs.writeFileSync(config, `sources:\n  - name: prod-am\n    alertmanager: ${am.url}\n    severity-label: severity\n    poll: 500ms\n`);
  const posted = await fetch(`${am.url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([
      alert('DiskFilling', 'warning', 10, { summary: '/var at 91 %' }),
      alert('CheckoutErrors', 'critical', 30, { summary: '5xx ratio above 5%', runbook_url: 'https://runbooks.example.com/checkout-errors' }),
      alert('PaymentsDown', 'critical', 2, { summary: 'No successful payment in 2 min' }),
      alert('CertExpiresSoon', 'info', 1),
      alert('Heartbeat', null, 5),
    ]),
  });
  expect(posted.ok).toBe(true);
  const serve = await startServe(dataDir, ['--config', config]);
  try {
    await page.goto(`${serve.url}#/alerts`);
    const firing = page.getByRole('region', { name: 'Firing' });
    const rows = firing.getByRole('article');
    await expect(rows).toHaveCount(5, { timeout: 30_000 });
    // P1 (critical) newest first, then P3 (warning), P4 (info), and the alert without a severity last.
    await expect(rows.locator('strong')).toHaveText(['PaymentsDown', 'CheckoutErrors', 'DiskFilling', 'CertExpiresSoon', 'Heartbeat']);
    await expect(rows.nth(0).getByTitle('Severity')).toHaveText('P1');
    await expect(rows.nth(2).getByTitle('Severity')).toHaveText('P3');
    await expect(rows.nth(1)).toContainText(/firing for (29|30|31) min, since \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\+[12]/);

    const runbook = rows.nth(1).getByRole('link', { name: 'Runbook' });
    await expect(runbook).toHaveAttribute('href', 'https://runbooks.example.com/checkout-errors');
    // The link's colour against the first opaque background behind it (the panel).
    const [color, background] = await runbook.evaluate((link) => {
      const style = (el: typeof link) => el.ownerDocument.defaultView!.getComputedStyle(el);
      let back = link.parentElement;
      while (back && /rgba\(.*, 0\)|transparent/.test(style(back).backgroundColor)) back = back.parentElement;
      return [style(link).color, back ? style(back).backgroundColor : 'rgb(255, 255, 255)'];
    });
    expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
    await page.screenshot({ path: test.info().outputPath('alerts-page.png'), fullPage: true });
  } finally {
    await serve.stop();
    await stopProcess(am.proc);
    removeDir(dataDir);
  }
});
