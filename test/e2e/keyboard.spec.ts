import { expect, test } from '@playwright/test';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

let serve: ServeProcess;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = tempDir();
  serve = await startServe(dataDir);
  const rpc = await connectRpc(serve.port, serve.token);
  await rpc.call('incidents.declare', { title: 'Disk full on db-1', severity: 'P2' });
  await rpc.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });
  // A run of incident #2 that ends at once: nothing listens on port 1.
  await rpc.call('runs.start', { procedureId: 'diagnose-disk-full', hosts: ['nobody@127.0.0.1:1'], params: {}, incidentId: 2 });
  rpc.close();
});
test.afterEach(async () => {
  await serve?.stop();
  removeDir(dataDir);
});

test('the log has the focus on open, arrows move, Enter opens, and Escape goes back one level at a time', async ({ page }) => {
  await page.goto(serve.url);
  const rows = page.locator('.incident-log tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(rows.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const title = (await rows.nth(1).getAttribute('aria-label'))!.replace(/^P\d /, '');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`#\\d ${title}`));

  // Escape from an incident returns to the log, on the row it came from.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Incident log' })).toBeVisible();
  await expect(rows.nth(1)).toBeFocused();

  // From a run to the incident it belongs to, then to the log.
  await page.goto(`${serve.url}#/incidents/2`);
  await expect(page.locator('.timeline')).toContainText(/Run #1 "Disk space full" ended/);
  await page.locator('.timeline').getByRole('link', { name: 'Run #1' }).first().click();
  await expect(page.getByRole('heading', { name: 'Run #1: Disk space full' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: '#2 Checkout returns 502' })).toBeVisible();

  // From the launcher opened for an incident, back to that incident.
  await page.getByRole('button', { name: 'Run diagnostics ▸' }).click();
  await expect(page.getByRole('heading', { name: 'Run diagnostics for #2 Checkout returns 502' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: '#2 Checkout returns 502' })).toBeVisible();

  // In a field, the first Escape only leaves the field, so a draft is not lost by accident.
  await page.getByLabel('Add a note').fill('half a thought');
  await page.keyboard.press('Escape');
  await expect(page.getByLabel('Add a note')).not.toBeFocused();
  await expect(page.getByLabel('Add a note')).toHaveValue('half a thought');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { name: 'Incident log' })).toBeVisible();
});

test('a disabled button says why beside it: Run after a parameter changed', async ({ page }) => {
  await page.goto(`${serve.url}#/incidents/1/run`);
  const preview = page.getByRole('button', { name: 'Preview commands' });
  const run = page.getByRole('button', { name: 'Run', exact: true });
  await expect(preview).toBeDisabled();
  await expect(preview).toHaveAccessibleDescription('Choose a procedure first.');
  await expect(page.getByText('Choose a procedure first.')).toBeVisible();

  await page.getByRole('radio', { name: /^Disk space full/ }).check();
  await expect(preview).toHaveAccessibleDescription('Pick one or more hosts first.');
  await page.getByLabel('Other ssh alias').fill('nobody@127.0.0.1:1');
  await expect(preview).toBeEnabled();
  await expect(run).toHaveAccessibleDescription('Preview the commands first.');
  await preview.click();
  await expect(page.getByRole('region', { name: 'Commands to run' })).toContainText("$ df -h -- '/'");
  await expect(run).toBeEnabled();

  await page.getByLabel(/Directory whose disk to check/).fill('/var');
  await expect(run).toBeDisabled();
  const why = 'A parameter changed since the preview: preview the commands again.';
  await expect(run).toHaveAccessibleDescription(why);
  await expect(page.getByText(why)).toBeVisible();
  await preview.click();
  await expect(page.getByRole('region', { name: 'Commands to run' })).toContainText("$ df -h -- '/var'");
  await expect(run).toBeEnabled();
  await expect(page.getByText(why)).toHaveCount(0);
});
