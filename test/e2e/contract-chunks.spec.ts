import { expect, test } from '@playwright/test';
import { serveEachTest } from './serve-each-test';

// A window builds the schemas of the calls its first screen makes, and loads every other area's
// soon after: a window left open must still check replies if the server that sent it its scripts
// is replaced by another version, whose scripts have other names.

const served = serveEachTest();
const AREAS = ['core-methods', 'incident-methods', 'workflow-methods', 'channel-methods', 'alert-methods', 'monitor-methods', 'notices', 'run-methods', 'pack-methods', 'escalation-methods', 'intake-methods', 'events'];

test("a window loads every area's schemas soon after its first screen", async ({ page }) => {
  await page.goto(`${served.serve.url}#/monitors`);
  await expect(page.getByText('No monitors yet')).toBeVisible();
  const missing = async () => {
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.split('/').pop() ?? ''));
    return AREAS.filter((area) => !scripts.some((name) => name.startsWith(`${area}-`) && name.endsWith('.js')));
  };
  await expect.poll(missing, { timeout: 20_000 }).toEqual([]);
});
