import { expect, type Page, test } from '@playwright/test';
import { serveEachTest } from './serve-each-test';

const served = serveEachTest();
const engine = served.engine;

const HOTDASH = 'P0–P3 with escalation matrix and post-fix watch';
const HEROFORGE = 'P1–P4 with 30 min updates for P1/P2';

const pick = (page: Page, name: string) => page.getByLabel('Ready-made scheme').selectOption({ label: name });
const row = (page: Page, key: string) => page.getByRole('dialog').getByRole('row').filter({ has: page.getByRole('rowheader', { name: key, exact: true }) });

test('picking a scheme shows what changes first; Escape and "Keep" leave the scheme in use, "Use this scheme" applies it to new incidents only', async ({ page }) => {
  expect((await engine('schemes.active')).id).toBe('p1-p4-heroforge');
  await engine('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });
  const keptLevel = (await engine('incidents.get', { id: 1 })).incident.level;
  expect(keptLevel.name).toBe('Critical');

  await page.goto(`${served.serve.url}#/settings`);
  await expect(page.getByText(`In use: ${HEROFORGE}`)).toBeVisible();
  await pick(page, HOTDASH);

  const dialog = page.getByRole('dialog', { name: `Change the severity scheme to “${HOTDASH}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(
    `"${HOTDASH}" applies to new incidents only. The open incident keeps the level it was rated with (it would be rated differently under "${HOTDASH}").`,
  );
  // Level by level: the key, its name now and under the new scheme, and the times that change.
  await expect(row(page, 'P0')).toContainText('not in use');
  await expect(row(page, 'P0')).toContainText('Critical (All hands)');
  await expect(row(page, 'P0')).toContainText('Respond within: 5 min');
  await expect(row(page, 'P1').getByRole('cell').nth(0)).toHaveText('Critical');
  await expect(row(page, 'P1').getByRole('cell').nth(1)).toHaveText('High (Urgent)');
  await expect(row(page, 'P1')).toContainText('Update every: 30 min → none');
  await expect(row(page, 'P1')).toContainText('Watch after fix: none → 1 h');
  await expect(row(page, 'P1')).not.toContainText('Respond within');
  await expect(row(page, 'P4')).toContainText('not in this scheme');
  await expect(row(page, 'P4')).toContainText('New incidents cannot be declared P4; open P4 incidents keep theirs.');
  await expect(dialog.getByRole('row')).toHaveCount(6);
  await page.screenshot({ path: test.info().outputPath('scheme-change-dialog.png') });

  // Escape closes the dialog, stays in Settings and stores nothing.
  await expect(dialog).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/settings$/);
  await expect(page.getByText(`In use: ${HEROFORGE}`)).toBeVisible();
  expect((await engine('schemes.active')).id).toBe('p1-p4-heroforge');

  await pick(page, HOTDASH);
  await dialog.getByRole('button', { name: `Keep “${HEROFORGE}”` }).click();
  await expect(dialog).toBeHidden();
  expect((await engine('schemes.active')).id).toBe('p1-p4-heroforge');

  await pick(page, HOTDASH);
  await dialog.getByRole('button', { name: 'Use this scheme' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Now using' })).toHaveText(`Now using “${HOTDASH}” for new incidents; open incidents keep their level.`);
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`In use: ${HOTDASH}`)).toBeVisible();
  expect((await engine('schemes.active')).id).toBe('p0-p3-hotdash');

  // The open incident keeps the level it was declared with; a new P1 gets the new scheme's.
  expect((await engine('incidents.get', { id: 1 })).incident.level).toEqual(keptLevel);
  const fresh = await engine('incidents.declare', { title: 'Search is slow', severity: 'P1' });
  expect((await engine('incidents.get', { id: fresh.id })).incident.level.name).toBe('High (Urgent)');
});

test('an edited scheme is previewed before it is saved; a bad value is refused naming level and field', async ({ page }) => {
  await page.goto(`${served.serve.url}#/settings`);
  await page.getByLabel('P2 Respond (min)').fill('45');
  await page.getByRole('button', { name: 'Save scheme…' }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('No incident is open');
  await expect(row(page, 'P2')).toContainText('Respond within: 1 h → 45 min');
  await expect(row(page, 'P1')).toContainText('same times');
  expect((await engine('schemes.active')).levels[1].responseMinutes).toBe(60);

  await dialog.getByRole('button', { name: 'Use this scheme' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Now using' })).toBeVisible();
  expect((await engine('schemes.active')).levels[1].responseMinutes).toBe(45);

  // A value the scheme cannot hold never reaches the dialog.
  await page.getByLabel('P3 name').fill('');
  await page.getByRole('button', { name: 'Save scheme…' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Level P3 (level 3), field name' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await engine('schemes.active')).levels[2].name).toBe('Medium');
});
