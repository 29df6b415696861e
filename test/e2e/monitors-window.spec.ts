import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

async function healthEndpoint() {
  let healthy = true;
  const server = http.createServer((_req, res) => {
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    setHealthy: (ok: boolean) => void (healthy = ok),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

test('a monitor goes down, the Monitors window shows it, and an incident declared from it has its failures in the timeline', async ({ page }) => {
  const endpoint = await healthEndpoint();
  const dataDir = tempDir();
  const config = path.join(dataDir, 'checks.yaml');
  fs.writeFileSync(
    config,
    ['monitors:', '  - name: checkout api', `    url: ${endpoint.url}/health/ready`, '    interval: 1s', '    jitter: 0s', '    conditions: ["[STATUS] == 200"]', '    failure-threshold: 2', '    severity: P1', '    service: checkout', ''].join('\n'),
  );
  const serve = await startServe(dataDir, ['--config', config]);
  try {
    await page.goto(`${serve.url}#/monitors`);
    await expect(page.getByRole('heading', { name: 'Monitors', exact: true })).toBeVisible();
    await expect(page.getByText(config)).toBeVisible();
    await expect(page.getByRole('row', { name: 'checkout api Up' })).toBeVisible();

    endpoint.setHealthy(false);
    const down = page.getByRole('row', { name: 'checkout api Down' });
    await expect(down).toBeVisible({ timeout: 15_000 });
    await expect(down).toContainText('[STATUS] was 503, expected 200');

    // Keyboard: the row opens the monitor with Enter.
    await down.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'checkout api', exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Uptime and latency of successful checks' })).toContainText('24h');
    await page.getByRole('button', { name: 'Declare incident…' }).click();

    await expect(page.getByRole('heading', { name: 'Declare incident from checkout api' })).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveValue('checkout api is down');
    await expect(page.getByLabel('Severity')).toHaveValue('P1');
    await expect(page.getByLabel('Service')).toHaveValue('checkout');
    await expect(page.getByLabel('Impact')).toHaveValue(/Monitor: #\/monitors\/1$/);
    await page.getByRole('button', { name: 'Declare', exact: true }).click();

    await expect(page.getByRole('heading', { name: /#1 checkout api is down/ })).toBeVisible();
    const timeline = page.locator('.timeline');
    await expect(timeline).toContainText(`Monitor checkout api (${endpoint.url}/health/ready): its last`);
    await expect(timeline).toContainText('[STATUS] was 503, expected 200');
    await expect(timeline).toContainText('Monitor: #/monitors/1');

    // The monitor links back to its incident.
    await page.goto(`${serve.url}#/monitors/1`);
    await expect(page.getByRole('link', { name: '#1' })).toBeVisible();
  } finally {
    await serve.stop();
    await endpoint.close();
    removeDir(dataDir);
  }
});

test('monitors made in the window can be added, checked, paused and deleted; file monitors are read-only', async ({ page }) => {
  const endpoint = await healthEndpoint();
  const dataDir = tempDir();
  fs.writeFileSync(path.join(dataDir, 'monitors.yaml'), `monitors:\n  - name: from the file\n    url: ${endpoint.url}/file\n    interval: 1s\n`);
  const serve = await startServe(dataDir);
  try {
    await page.goto(`${serve.url}#/monitors`);
    await expect(page.getByText('(default location)')).toBeVisible();
    await page.getByRole('button', { name: 'Add monitor…' }).click();
    await page.getByLabel('Name', { exact: true }).fill('made here');
    await page.getByLabel('URL', { exact: true }).fill('gopher://nowhere');
    await page.getByRole('button', { name: 'Save monitor' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'no known scheme' }).first()).toBeVisible();

    await page.getByLabel('URL', { exact: true }).fill(`${endpoint.url}/made`);
    await page.getByLabel('Every', { exact: true }).fill('1s');
    await page.getByLabel('Confirm a failure after', { exact: true }).fill('5s');
    await page.getByRole('button', { name: 'Save monitor' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'retry-interval 5s is longer than the interval 1s' }).first()).toBeVisible();
    await page.getByLabel('Confirm a failure after', { exact: true }).fill('1s');
    await page.getByRole('button', { name: 'Save monitor' }).click();
    await expect(page.getByRole('heading', { name: 'made here', exact: true })).toBeVisible();
    await expect(page.locator('.monitor-detail .monitor-status')).toHaveText('Up', { timeout: 10_000 });
    // The form shows the retry interval it was saved with.
    await page.getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByLabel('Confirm a failure after', { exact: true })).toHaveValue('1s');
    await page.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.locator('.monitor-detail .monitor-status')).toHaveText('Paused');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.locator('.monitor-detail .monitor-status')).toHaveText('Up', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete monitor' }).click();
    await expect(page.getByRole('heading', { name: 'Monitors', exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: /made here/ })).toHaveCount(0);

    await page.getByRole('row', { name: /from the file/ }).click();
    await expect(page.getByRole('heading', { name: 'from the file', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(page.getByText(path.join(dataDir, 'monitors.yaml'))).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { name: 'Monitors', exact: true })).toBeVisible();
  } finally {
    await serve.stop();
    await endpoint.close();
    removeDir(dataDir);
  }
});
