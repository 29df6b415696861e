import { expect, type Page, test } from '@playwright/test';
import fs from 'node:fs';
import { serveEachTest } from './serve-each-test';

const served = serveEachTest();
const engine = served.engine;

const tracked = async () =>
  (await engine('postmortem.actions.list', { incidentId: 1 })).map((a: any) => ({ text: a.text, owner: a.owner, due: a.due, done: a.doneAt !== null }));

async function exported(page: Page): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export .md' }).click();
  return fs.readFileSync(await (await downloading).path(), 'utf8');
}

const CANARY = 'Add a canary stage to checkout deploys';
const ALERT = 'Alert on checkout 5xx ratio';
const ALERT_EDITED = 'Alert on checkout 5xx ratio above 2 %';

test('action items are a tracked list: add, complete, edit and delete from the keyboard, and the export carries them', async ({ page }) => {
  await engine('incidents.declare', { title: 'Checkout returns 502', severity: 'P2' });
  await engine('incidents.setStatus', { id: 1, status: 'resolved', note: 'Rolled back to v1.4.1' });
  await page.goto(`${served.serve.url}#/incidents/1/postmortem`);

  const section = page.getByRole('region', { name: 'Action items' });
  const items = section.getByRole('list', { name: 'Action items' }).getByRole('listitem');
  const markdown = page.getByLabel('Post-mortem Markdown');
  await expect(section).toContainText('No action items yet.');
  await expect(section.getByRole('button', { name: 'Add action item' })).toBeDisabled();
  await expect(section).toContainText('Type the action item first.');

  // Add: text, owner, due date; Enter adds and leaves the cursor in the text field for the next one.
  await section.getByLabel('New action item', { exact: true }).fill(CANARY);
  await section.getByLabel('Owner of the new action item').fill('ana');
  await section.getByLabel('Due date of the new action item').fill('2031-12-15');
  await section.getByLabel('New action item', { exact: true }).press('Enter');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(CANARY);
  await expect(items.first()).toContainText('Owner: ana');
  await expect(items.first()).toContainText('Due 15 Dec 2031');
  await expect(section.getByLabel('New action item', { exact: true })).toBeFocused();
  await expect(section.getByLabel('New action item', { exact: true })).toHaveValue('');
  await expect(markdown).toHaveValue(new RegExp(`- \\[ \\] ${CANARY} — Owner: ana — Due: 2031-12-15`));
  expect(await tracked()).toEqual([{ text: CANARY, owner: 'ana', due: '2031-12-15', done: false }]);

  await page.keyboard.type(ALERT);
  await page.keyboard.press('Tab');
  await page.keyboard.type('bo');
  await page.keyboard.press('Enter');
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText('No due date');
  expect((await tracked())[1]).toEqual({ text: ALERT, owner: 'bo', due: null, done: false });

  // Complete.
  await section.getByRole('checkbox', { name: CANARY }).check();
  await expect(items.first()).toContainText(/done by \S+, \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC/);
  await expect(markdown).toHaveValue(new RegExp(`- \\[x\\] ${CANARY} — Owner: ana`));
  expect((await tracked())[0].done).toBe(true);

  // Edit: Enter saves, and the keyboard is back on the item's Edit button; a past due date is overdue.
  await section.getByRole('button', { name: `Edit “${ALERT}”` }).click();
  const editor = section.getByRole('form', { name: `Edit action item “${ALERT}”` });
  await expect(editor.getByLabel('Action item', { exact: true })).toBeFocused();
  await editor.getByLabel('Action item', { exact: true }).fill(ALERT_EDITED);
  await editor.getByLabel('Owner', { exact: true }).fill('carla');
  await editor.getByLabel('Due date', { exact: true }).fill('2020-01-10');
  await editor.getByLabel('Action item', { exact: true }).press('Enter');
  await expect(items.nth(1)).toContainText(ALERT_EDITED);
  await expect(items.nth(1)).toContainText('Owner: carla');
  await expect(items.nth(1)).toContainText('Due 10 Jan 2020 (overdue)');
  await expect(section.getByRole('button', { name: `Edit “${ALERT_EDITED}”` })).toBeFocused();
  expect((await tracked())[1]).toEqual({ text: ALERT_EDITED, owner: 'carla', due: '2020-01-10', done: false });
  await page.screenshot({ path: test.info().outputPath('postmortem-actions.png') });

  // Escape drops an edit, stays on the post-mortem and changes nothing.
  await page.keyboard.press('Enter');
  await section.getByRole('form', { name: /^Edit action item/ }).getByLabel('Owner', { exact: true }).fill('nobody');
  await page.keyboard.press('Escape');
  await expect(section.getByRole('form', { name: /^Edit action item/ })).toHaveCount(0);
  await expect(page).toHaveURL(/#\/incidents\/1\/postmortem$/);
  await expect(items.nth(1)).toContainText('Owner: carla');
  await expect(section.getByRole('button', { name: `Edit “${ALERT_EDITED}”` })).toBeFocused();
  expect((await tracked())[1].owner).toBe('carla');

  // Delete.
  await section.getByRole('button', { name: `Delete “${CANARY}”` }).click();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: `Deleted “${CANARY}”.` })).toBeVisible();
  await expect(section.getByLabel('New action item', { exact: true })).toBeFocused();
  expect(await tracked()).toEqual([{ text: ALERT_EDITED, owner: 'carla', due: '2020-01-10', done: false }]);

  // The export is the post-mortem with the tracked list as its Action Items section.
  let file = await exported(page);
  expect(file).toContain('# Incident Post-Mortem: Checkout returns 502');
  expect(file).toContain(`## Action Items\n\n- [ ] ${ALERT_EDITED} — Owner: carla — Due: 2020-01-10\n`);
  expect(file).not.toContain(CANARY);

  // Unsaved words are saved before they are exported; saving keeps the tracked list in the text.
  await markdown.fill(`${await markdown.inputValue()}\nWritten by hand after the review.\n`);
  await expect(page.getByRole('button', { name: 'Export .md' })).toBeDisabled();
  await expect(page.getByText('Save first: the export is the saved post-mortem with its action items.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  file = await exported(page);
  expect(file).toContain('Written by hand after the review.');
  expect(file).toContain(`- [ ] ${ALERT_EDITED} — Owner: carla — Due: 2020-01-10`);
  expect((await engine('postmortem.get', { incidentId: 1 })).markdown).toBe(file);
});
