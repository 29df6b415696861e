import { expect, test } from '@playwright/test';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

test('declare an incident, move it through statuses, add a note, and find it all after a restart', async ({ page }) => {
  const dataDir = tempDir();
  let serve = await startServe(dataDir);
  try {
    await page.goto(serve.url);
    await expect(page.getByRole('heading', { name: 'Incident log' })).toBeVisible();
    await expect(page.getByText('No open incidents.')).toBeVisible();

    // Keyboard: "n" opens the form, which focuses the title.
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { name: 'Declare incident' })).toBeVisible();
    await expect(page.getByLabel('Title')).toBeFocused();
    await page.keyboard.type('Checkout returns 502');
    await page.getByLabel('Severity').selectOption('P1');
    await page.getByLabel('Impact').fill('EU customers cannot pay');
    await page.getByLabel('Commander').fill('ana');
    await page.getByLabel('Service').fill('heroforge');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();

    await expect(page.getByRole('heading', { name: /#1 Checkout returns 502/ })).toBeVisible();
    await expect(page.getByLabel('Impact', { exact: true })).toHaveValue('EU customers cannot pay');
    await page.getByRole('button', { name: 'Move to Identified' }).click();
    await expect(page.locator('.timeline')).toContainText('Status changed from Investigating to Identified');
    await page.getByRole('button', { name: 'Move to Monitoring' }).click();
    await expect(page.locator('.timeline')).toContainText('Status changed from Identified to Monitoring');
    await page.getByLabel('Add a note').fill('Rolled back to v1.4.2; error rate back to 0.1 %');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.timeline')).toContainText('Rolled back to v1.4.2');
    await expect(page.getByLabel('Add a note')).toHaveValue('');
    await expect(page.locator('.timeline li')).toHaveCount(5);

    // Back to the log with Escape (the first one leaves the note box); the incident is listed as open and
    // monitoring, and its row has the focus again.
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Add a note')).not.toBeFocused();
    await page.keyboard.press('Escape');
    const row = page.getByRole('row', { name: /P1 Checkout returns 502/ });
    await expect(row).toContainText('Monitoring');
    await expect(row).toBeFocused();

    await serve.stop();
    serve = await startServe(dataDir);
    await page.goto(serve.url);
    // The only row has the focus as the log opens, so Enter opens it.
    await expect(page.getByRole('row', { name: /P1 Checkout returns 502/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /#1 Checkout returns 502/ })).toBeVisible();
    const timeline = page.locator('.timeline li');
    await expect(timeline).toHaveCount(5);
    await expect(timeline.nth(0)).toContainText('Rolled back to v1.4.2; error rate back to 0.1 %');
    await expect(timeline.nth(1)).toContainText('Status changed from Identified to Monitoring');
    await expect(timeline.nth(2)).toContainText('Acknowledged by moving it to Identified');
    await expect(timeline.nth(3)).toContainText('Status changed from Investigating to Identified');
    await expect(timeline.nth(4)).toContainText('Declared P1: Checkout returns 502 (service heroforge, commander ana)');
    await expect(page.getByLabel('Service', { exact: true })).toHaveValue('heroforge');
  } finally {
    await serve.stop();
    removeDir(dataDir);
  }
});

test('a declare form with a blank title says what is wrong and keeps the input', async ({ page }) => {
  const dataDir = tempDir();
  const serve = await startServe(dataDir);
  try {
    await page.goto(`${serve.url}#/declare`);
    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('Impact').fill('unclear');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();
    await expect(page.getByRole('alert').first()).toContainText('title is required');
    await expect(page.getByRole('textbox', { name: 'Impact' })).toHaveValue('unclear');
  } finally {
    await serve.stop();
    removeDir(dataDir);
  }
});
