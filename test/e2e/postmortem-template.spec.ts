import { expect, type Page, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_DEADLINE_MS } from '../../main/engine/runbooks/importer/import-runbook-async';
import { serveEachTest } from './serve-each-test';

const RUNBOOK = path.resolve(import.meta.dirname, '../../../shared/runbooks/heroforge-incident-response.md');

const served = serveEachTest();
const engine = served.engine;

async function exported(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .md' }).click();
  return fs.readFileSync(await (await downloading).path(), 'utf8');
}

test('a runbook’s post-mortem template is offered for incidents of its service, filled from the incident and exported', async ({ page }) => {
  // Import the runbook in the window and save it for the service, templates kept.
  await page.goto(served.serve.url);
  await page.getByRole('link', { name: 'Runbooks' }).click();
  await page.locator('input[type=file]').setInputFiles(RUNBOOK);
  // Read on the engine's worker within its own deadline (30 s); under load that can take seconds.
  await expect(page.getByText('Incident Report Template')).toBeVisible({ timeout: IMPORT_DEADLINE_MS });
  await page.getByRole('textbox', { name: 'Service' }).fill('heroforge');
  await page.getByRole('button', { name: 'Save pack' }).click();
  await expect(page.getByRole('status')).toContainText('Saved runbook pack');

  const { id } = await engine('incidents.declare', { title: 'Checkout returns 502', severity: 'P2', service: 'heroforge', impact: 'A third of checkouts failed' });
  await engine('incidents.setStatus', { id, status: 'identified', note: 'Cause: the 1.4.2 release dropped the gateway timeout' });
  await engine('incidents.setStatus', { id, status: 'resolved', note: 'Rolled back to v1.4.1' });

  await page.goto(`${served.serve.url}#/incidents/${id}/postmortem`);
  const markdown = page.getByLabel('Post-mortem Markdown');
  await expect(markdown).toHaveValue(/^# Incident Post-Mortem: Checkout returns 502/);
  const picker = page.getByRole('group', { name: 'Post-mortem template' });
  await picker.getByLabel('Template').selectOption({ label: 'Incident Report Template' });
  await expect(picker).toContainText(/Runbook pack ".+", line 278/);
  await picker.getByRole('button', { name: 'Use template' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The post-mortem now follows “Incident Report Template”, filled from the incident.' })).toBeVisible();
  await expect(markdown).toHaveValue(/^# Incident Report: Checkout returns 502\n/);

  const file = await exported(page);
  expect(file).toMatch(/^# Incident Report: Checkout returns 502\n\n## Summary\n/);
  expect(file).toMatch(/- \*\*Severity:\*\* P2 \(\w+/);
  expect(file).toContain('- **Impact:** A third of checkouts failed');
  expect(file).toContain('## Root Cause\nThe 1.4.2 release dropped the gateway timeout');
  expect(file).toContain('## Resolution\nRolled back to v1.4.1');
  expect(file).toContain('## Lessons Learned');
  expect(file).not.toContain('HH:MM');
  expect(file).not.toContain('# Incident Post-Mortem');
  expect((await engine('postmortem.get', { incidentId: id })).markdown).toBe(file);
});
