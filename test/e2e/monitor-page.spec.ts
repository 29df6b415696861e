import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { healthEndpoint } from './health-endpoint';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

test.use({ timezoneId: 'Europe/Berlin' });

test('the monitor page has a heartbeat bar, the state changes with their times, and charts with axes and units', async ({ page }) => {
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

    // Bad for a few checks, then good again: one change each way.
    endpoint.setHealthy(false);
    await expect(bar.locator('.beat.failed').nth(2)).toBeAttached({ timeout: 15_000 });
    endpoint.setHealthy(true);
    const changes = page.getByRole('list', { name: 'State changes, newest first' });
    await expect(changes.getByRole('listitem').first()).toContainText(/Passing again after \d+ failed checks over \d+ s/, { timeout: 15_000 });
    await expect(changes).toContainText('Started failing: [STATUS] was 503, expected 200');
    await expect(changes.locator('time').first()).toHaveText(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} UTC\+[12]/);
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
