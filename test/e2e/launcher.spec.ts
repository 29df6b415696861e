import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

const RUNBOOKS = path.resolve(import.meta.dirname, '../../../shared/runbooks');

let serve: ServeProcess;
let dataDir: string;

test.beforeEach(async () => {
  dataDir = tempDir();
  serve = await startServe(dataDir);
});
test.afterEach(async () => {
  await serve?.stop();
  removeDir(dataDir);
});

// Saves a team runbook as a pack for `service`, keeping every procedure it finds.
async function importRunbook(file: string, service: string): Promise<void> {
  const rpc = await connectRpc(serve.port, serve.token);
  const text = fs.readFileSync(path.join(RUNBOOKS, file), 'utf8');
  const preview = (await rpc.call('packs.preview', { text, fileName: file })).result;
  const procedures = preview.procedures.map((_: unknown, i: number) => i);
  const saved = await rpc.call('packs.save', { text, fileName: file, name: `${service} runbook`, service, keep: { checklists: [], procedures, templates: [] } });
  if (saved.error) throw new Error(JSON.stringify(saved.error));
  rpc.close();
}

const radioNames = (page: Page) => page.locator('label:has(input[type=radio])').allInnerTexts();

test('procedures are grouped by service (the incident’s first) and kind, and the search narrows them as you type', async ({ page }) => {
  await importRunbook('heroforge-incident-response.md', 'heroforge');
  await importRunbook('gitquest-incident-playbook.md', 'gitquest');
  const rpc = await connectRpc(serve.port, serve.token);
  await rpc.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1', service: 'heroforge' });
  rpc.close();

  await page.goto(`${serve.url}#/incidents/1/run`);
  await expect(page.getByRole('heading', { name: 'Run diagnostics for #1 Checkout returns 502' })).toBeVisible();
  const services = page.locator('.procedure-group > h3');
  await expect(services.first()).toHaveText('heroforge');
  await expect(services).toHaveText(['heroforge', 'gitquest', 'Any service']);
  const heroforge = page.getByRole('region', { name: 'Service heroforge' });
  await expect(heroforge.getByRole('group').locator('h4')).toHaveText([/^Diagnostics/, /^Rollbacks/, /^Resolutions/]);
  await expect(heroforge.getByRole('group', { name: 'Rollbacks for heroforge' }).getByRole('radio', { name: /^Quick Rollback \(< 5 minutes\) \(heroforge runbook\)/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Diagnostics for any service' }).getByRole('radio', { name: /^Disk space full/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('launcher.png'), fullPage: true });

  // Every word typed must match; the list follows each key.
  const search = page.getByRole('searchbox', { name: 'Search procedures' });
  await search.pressSequentially('database');
  const names = await radioNames(page);
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) expect(name.toLowerCase()).toContain('database');
  await search.fill('heroforge rollback');
  await expect(services).toHaveText(['heroforge']);
  await expect(heroforge.getByRole('group').locator('h4')).toHaveText([/^Rollbacks/]);

  // A choice stays made while the search hides it, and the launcher says so.
  await heroforge.getByRole('radio', { name: /^Quick Rollback \(< 5 minutes\) \(heroforge runbook\)/ }).check();
  await search.fill('nothing like this');
  await expect(page.getByText('No procedure matches “nothing like this”.')).toBeVisible();
  await expect(page.getByText(/^Chosen: Quick Rollback/)).toBeVisible();

  // Escape empties the search first; the view stays.
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(services).toHaveText(['heroforge', 'gitquest', 'Any service']);
  await expect(heroforge.getByRole('radio', { name: /^Quick Rollback \(< 5 minutes\) \(heroforge runbook\)/ })).toBeChecked();
  await expect(page.getByRole('list', { name: 'Rollback steps' })).toContainText('Parameters and host');
});
