import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { healthEndpoint } from './health-endpoint';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

test.use({ timezoneId: 'Europe/Berlin' });

test('the monitor page has a heartbeat bar, the state changes the engine reported with their times, and charts with axes and units', async ({ page }) => {
  test.setTimeout(90_000);
  const endpoint = await healthEndpoint();
  const dataDir = tempDir();
  const config = path.join(dataDir, 'checks.yaml');
  fs.writeFileSync(
    config,
    ['monitors:', '  - name: checkout api', `    url: ${endpoint.url}/health`, '    interval: 1s', '    jitter: 0s', '    conditions: ["[STATUS] == 200"]', ''].join('\n'),
  );
  const serve = await startServe(dataDir, ['--config', config]);
  try {
    await page.goto(`${serve.url}#/monitors/1`);
    await expect(page.getByRole('heading', { name: 'checkout api', exact: true })).toBeVisible();
    const bar = page.getByRole('list', { name: /^Last \d+ checks, oldest first/ });
    await expect(bar.locator('.beat.ok')).not.toHaveCount(0, { timeout: 10_000 });
    await expect(page.getByText(/^No state change recorded since \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\+[12]\.$/)).toBeVisible();

    // Bad for a few checks (past the failure threshold of 2), then good again: down, then up.
    endpoint.setHealthy(false);
    await expect(bar.locator('.beat.failed').nth(2)).toBeAttached({ timeout: 15_000 });
    endpoint.setHealthy(true);
    const changes = page.getByRole('list', { name: 'State changes, newest first' });
    const items = changes.getByRole('listitem');
    await expect(items.first()).toContainText(/Up again after \d+ s$/, { timeout: 15_000 });
    await expect(items).toHaveText([/Up again after \d+ s$/, /Down — \[STATUS\] was 503, expected 200$/]);

    // Paused and resumed from the page: both listed, newest first, each with its absolute time.
    const actions = page.getByRole('toolbar', { name: 'Monitor actions' });
    await actions.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(items.first()).toContainText('Paused');
    await actions.getByRole('button', { name: 'Resume', exact: true }).click();
    await expect(items).toHaveText([/Resumed$/, /Paused$/, /Up again after \d+ s$/, /Down — \[STATUS\] was 503, expected 200$/]);
    await expect(changes.locator('time')).toHaveText(Array(4).fill(/^\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} UTC\+[12]$/));
    // The list takes the keyboard focus, so a long one can be scrolled without a mouse.
    await changes.focus();
    await expect(changes).toBeFocused();
    await expect(bar).toHaveAccessibleName(/: \d+ passed, \d+ failed$/);
    await expect(bar.locator('.beat').last()).toHaveClass(/ok/);
    await expect(bar.locator('.beat.failed').first()).toHaveAttribute('title', /failed, \d+ ms, status 503, \[STATUS\] was 503, expected 200/);

    // Both charts carry a value axis with units and a time axis naming the zone.
    const latency = page.getByRole('img', { name: /^Average latency per \w+, in milliseconds$/ });
    const passed = page.getByRole('img', { name: /^Checks that passed per \w+, in percent$/ });
    await expect(latency.locator('text', { hasText: / ms$/ })).toHaveCount(3);
    await expect(passed.locator('text', { hasText: /^100 %$/ })).toHaveCount(1);
    await expect(latency.locator('text', { hasText: /^Time \(UTC\+[12]\)$/ })).toHaveCount(1);
    await expect(latency.locator('text', { hasText: /^\d{2}:\d{2}$/ }).first()).toBeAttached();
    await expect(passed.locator('rect.bar.failed')).not.toHaveCount(0);

    await page.screenshot({ path: test.info().outputPath('monitor-page.png'), fullPage: true });
  } finally {
    await serve.stop();
    await endpoint.close();
    removeDir(dataDir);
  }
});
