import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type MetricsExporter, type PromStack, startExporter, startPromStack } from '../fixtures/prometheus-stack';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

const RULES = `groups:
  - name: trayage-e2e
    rules:
      - alert: CheckoutErrors
        expr: app_error_ratio > 0.05
        labels: { severity: critical, service: checkout }
        annotations:
          summary: "5xx ratio above 5%"
`;

let exporter: MetricsExporter;
let stack: PromStack;

test.beforeAll(async () => {
  exporter = await startExporter();
  exporter.set('app_error_ratio', 0.3, { route: '/pay' });
  stack = await startPromStack(exporter, RULES);
});
test.afterAll(async () => {
  await stack?.stop();
  await exporter?.close();
});

test('declare from a firing alert opens the new incident at once; acknowledging the alert acknowledges it', async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = tempDir();
  const config = path.join(dataDir, 'monitors.yaml');
  fs.writeFileSync(config, `sources:\n  - name: prod-am\n    alertmanager: ${stack.alertmanager}\n    severity-label: severity\n    poll: 500ms\n`);
  const serve = await startServe(dataDir, ['--config', config]);
  try {
    // An incident opened first: the view must not stay on it (or on "Loading…") after the declare.
    await page.goto(serve.url);
    // The shortcut works once the log is on screen; a key pressed before that is lost.
    await expect(page.getByRole('heading', { name: 'Incident log' })).toBeVisible();
    await page.keyboard.press('n');
    await expect(page.getByLabel('Title')).toBeFocused();
    await page.keyboard.type('Earlier incident');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(page.getByRole('heading', { name: /#1 Earlier incident/ })).toBeVisible();

    await page.goto(`${new URL(serve.url).origin}/#/alerts`);
    const row = page.getByRole('article', { name: /CheckoutErrors/ });
    await expect(row).toBeVisible({ timeout: 60_000 });
    await row.getByRole('button', { name: 'Declare incident' }).click();

    await expect(page.getByRole('heading', { name: /#2 CheckoutErrors: 5xx ratio above 5%/ })).toBeVisible({ timeout: 5_000 });
    await expect(page.getByText(/Loading incident/)).toHaveCount(0);
    await expect(page.locator('.timeline')).toContainText('Declared from alert CheckoutErrors (prod-am)');
    await expect(page.getByRole('button', { name: 'Acknowledge', exact: true })).toBeVisible();

    await page.goto(`${new URL(serve.url).origin}/#/alerts`);
    const linked = page.getByRole('article', { name: /CheckoutErrors/ });
    await expect(linked.getByRole('button', { name: 'Incident #2' })).toBeVisible();
    await linked.getByLabel('Comment').fill('looking at the payment pods');
    await linked.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(page.getByRole('region', { name: 'Acknowledged (silenced)' })).toContainText('CheckoutErrors', { timeout: 30_000 });

    await page.getByRole('region', { name: 'Acknowledged (silenced)' }).getByRole('button', { name: 'Incident #2' }).click();
    await expect(page.getByRole('heading', { name: /#2 CheckoutErrors/ })).toBeVisible();
    await expect(page.locator('.timeline')).toContainText('Acknowledged alert CheckoutErrors (prod-am)');
    await expect(page.locator('.fact', { hasText: 'Acknowledged' })).toContainText('after');
    await expect(page.getByRole('button', { name: 'Acknowledge', exact: true })).toHaveCount(0);
  } finally {
    await serve.stop();
    removeDir(dataDir);
  }
});
