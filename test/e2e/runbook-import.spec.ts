import { expect, test } from '@playwright/test';
import path from 'node:path';
import { IMPORT_DEADLINE_MS } from '../../main/engine/runbooks/importer/import-runbook-async';
import { plural } from '../../main/shared/time-format';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

const RUNBOOK = path.resolve(import.meta.dirname, '../../../shared/runbooks/heroforge-incident-response.md');

test('import a runbook, keep part of it, save it for a service, and get it on a new incident', async ({ page }) => {
  const dataDir = tempDir();
  const serve = await startServe(dataDir);
  try {
    await page.goto(serve.url);
    await page.getByRole('link', { name: 'Runbooks' }).click();
    await page.locator('input[type=file]').setInputFiles(RUNBOOK);

    // The engine reads the runbook on a worker within its own deadline (30 s); under load that can take seconds.
    const checklists = page.getByRole('region', { name: 'Checklists' });
    await expect(checklists.getByRole('checkbox').first()).toBeVisible({ timeout: IMPORT_DEADLINE_MS });
    const listCount = await checklists.getByRole('checkbox').count();
    expect(listCount).toBeGreaterThan(1);
    await expect(page.getByRole('region', { name: 'Severities' })).toContainText('P1');
    await expect(page.getByRole('region', { name: 'Procedures' })).toContainText('diagnostic');
    const dropped = (await checklists.locator('label').first().innerText()).replace(/\s*\(\d+ items, line \d+\)\s*$/, '').trim();
    await checklists.getByRole('checkbox').first().uncheck();

    await page.getByRole('textbox', { name: 'Service' }).fill('heroforge');
    await page.getByRole('button', { name: 'Save pack' }).click();
    await expect(page.getByRole('status')).toContainText('Saved runbook pack');
    await expect(page.getByRole('region', { name: 'Runbook packs' })).toContainText(plural(listCount - 1, 'checklist'));

    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('button', { name: 'Declare incident…' }).click();
    await page.getByLabel('Title').fill('Checkout returns 502');
    await page.getByLabel('Severity').selectOption('P2');
    await page.getByLabel('Service').fill('heroforge');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();

    await expect(page.getByRole('heading', { name: /Checkout returns 502/ })).toBeVisible();
    const runbook = page.getByRole('region', { name: 'From the runbook' });
    await expect(runbook).toContainText('Diagnostic:');
    await expect(page.locator('.timeline')).toContainText('Diagnostics offered:');
    const legends = await page.locator('.checklist legend').allInnerTexts();
    expect(legends.some((l) => l.startsWith(dropped))).toBe(false);
    // The runbook's lists replace the built-in lists of the same phase: no list twice.
    expect(legends.length).toBeGreaterThanOrEqual(2);
    expect(new Set(legends).size).toBe(legends.length);
  } finally {
    await serve.stop();
    removeDir(dataDir);
  }
});
