import { expect, type Page, test } from '@playwright/test';
import { serveEachTest } from './serve-each-test';

const served = serveEachTest();
const engine = served.engine;

const phasesOnEngine = async () => (await engine('incidents.get', { id: 1 })).checklists.map((l: { phase: string; title: string }) => `${l.phase}: ${l.title}`);

const phase = (page: Page, title: string) => page.locator('details.checklist-phase').filter({ has: page.locator('summary', { hasText: title }) });
const list = (page: Page, title: string) => page.getByRole('group', { name: new RegExp(`^${title} \\d+/\\d+$`) });

const QUICK_RESPONSE = ['Acknowledge incident', 'Investigate root cause', 'Implement fix or workaround', 'Monitor for recurrence', 'Document in incident log'];

test('lists are grouped by phase with only the current one open; other phases are offered and attached on request', async ({ page }) => {
  await engine('incidents.declare', { title: 'Search is slow', severity: 'P2' });
  await page.goto(`${served.serve.url}#/incidents/1`);

  // Declared: respond now is the phase being worked; during the incident is there, closed.
  await expect(phase(page, 'Respond now').locator('summary')).toHaveText('Respond now 0/5 now');
  await expect(phase(page, 'Respond now')).toHaveJSProperty('open', true);
  await expect(phase(page, 'During the incident')).toHaveJSProperty('open', false);
  await expect(list(page, 'Incident: quick response')).toBeVisible();
  await expect(list(page, 'During the incident')).toBeHidden();
  await expect(phase(page, 'After resolve')).toHaveCount(0);
  await expect(phase(page, 'Handoff')).toHaveCount(0);

  // The phases it has no list for are offered with what they would bring, not attached.
  const offers = page.getByRole('group', { name: 'Checklists to add' });
  await expect(offers.getByRole('button')).toHaveText(['Add the after-resolve checklist', 'Add the handoff checklist']);
  await expect(offers).toContainText('On-call handoff (5 items)');
  await expect(offers).toContainText('Post-incident (5 items)');
  expect(await phasesOnEngine()).toEqual(['response: Incident: quick response', 'during: During the incident']);

  // Once every respond-now item is done, that phase closes and the next one opens.
  for (const item of QUICK_RESPONSE) await list(page, 'Incident: quick response').getByLabel(item, { exact: true }).check();
  await expect(phase(page, 'During the incident')).toHaveJSProperty('open', true);
  await expect(phase(page, 'Respond now')).toHaveJSProperty('open', false);
  await expect(list(page, 'During the incident')).toBeVisible();
  await expect(list(page, 'Incident: quick response')).toBeHidden();
  await expect(phase(page, 'During the incident').locator('summary')).toHaveText('During the incident 0/9 now');
  await expect(phase(page, 'Respond now').locator('summary')).toHaveText('Respond now 5/5');

  // A closed phase opens with the keyboard and stays open.
  await phase(page, 'Respond now').locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(list(page, 'Incident: quick response')).toBeVisible();
  await expect(list(page, 'Incident: quick response').locator('legend')).toContainText('5/5');

  await offers.getByRole('button', { name: 'Add the handoff checklist' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The handoff checklist was added.' })).toBeVisible();
  await expect(list(page, 'On-call handoff')).toBeVisible();
  await expect(list(page, 'On-call handoff').getByRole('checkbox')).toHaveCount(5);
  await expect(offers.getByRole('button')).toHaveText(['Add the after-resolve checklist']);
  await page.screenshot({ path: test.info().outputPath('checklist-phases.png') });
  expect(await phasesOnEngine()).toEqual([
    'response: Incident: quick response',
    'during: During the incident',
    'handoff: On-call handoff',
  ]);

  // Resolving attaches the after-resolve list and opens it; during the incident closes.
  await page.getByRole('button', { name: 'Move to Resolved' }).click();
  await expect(phase(page, 'After resolve')).toHaveJSProperty('open', true);
  await expect(list(page, 'Post-incident')).toBeVisible();
  await expect(list(page, 'During the incident')).toBeHidden();
  await expect(page.getByRole('group', { name: 'Checklists to add' })).toHaveCount(0);
  expect(await phasesOnEngine()).toContain('post-incident: Post-incident');

  // The compact window groups the same way.
  await page.goto(`${served.serve.url}#/incidents/1/checklist`);
  await expect(phase(page, 'After resolve')).toHaveJSProperty('open', true);
  await expect(list(page, 'Post-incident')).toBeVisible();
  await expect(list(page, 'During the incident')).toBeHidden();
  await expect(phase(page, 'Respond now')).toHaveJSProperty('open', false);
});
