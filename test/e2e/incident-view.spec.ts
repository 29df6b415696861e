import { expect, type Page, test } from '@playwright/test';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

// A fixed zone, so every absolute time on screen must name the same offset.
test.use({ timezoneId: 'Europe/Berlin' });
const ABSOLUTE = /\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d{2}:\d{2}(:\d{2})? UTC\+[12]/;

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

async function seed(calls: [string, unknown][]): Promise<void> {
  const rpc = await connectRpc(serve.port, serve.token);
  try {
    for (const [method, params] of calls) {
      const reply = await rpc.call(method, params);
      if (reply.error) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
    }
  } finally {
    rpc.close();
  }
}

const entries = (page: Page) => page.getByRole('list', { name: 'Timeline, newest first' }).getByRole('listitem');

test('the header shows status, severity, age and the nearest timer; the timeline is newest first, in view and filterable', async ({ page }) => {
  await seed([
    // A scheme whose P1 has a post-fix watch, inside which a failing monitor offers to re-open.
    ['schemes.setActive', { scheme: { id: 'p0-p3-hotdash' } }],
    ['incidents.declare', { title: 'Checkout returns 502', severity: 'P1', service: 'checkout', commander: 'ana' }],
    ['incidents.addNote', { id: 1, text: 'Load balancer shows 30 % 5xx' }],
    ['updates.post', { incidentId: 1, channelId: null, text: 'We are investigating checkout errors.' }],
    ['incidents.addNote', { id: 1, text: 'Rolled back to v1.4.2' }],
    ['incidents.setStatus', { id: 1, status: 'monitoring' }],
    ['incidents.relapse', { id: 1, what: 'Monitor checkout api' }],
  ]);
  await page.goto(`${serve.url}#/incidents/1`);

  const summary = page.locator('.incident-summary');
  await expect(page.getByRole('heading', { name: '#1 Checkout returns 502' })).toBeVisible();
  await expect(summary.locator('.status.pill')).toHaveText('Monitoring');
  await expect(summary.getByTitle('Severity')).toHaveText('P1');
  await expect(summary).toContainText(/open for \d+ (s|min)/);
  await expect(summary.getByRole('button', { name: /^Post-fix watch in \d+:\d{2}$/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Next actions' }).getByRole('button', { name: 'Move to Resolved' })).toBeVisible();
  // The incident's own banner (a notice of the same relapse may show beside it).
  await expect(page.getByRole('alert').filter({ hasText: 'Monitor checkout api failed again during the post-fix watch.' }).and(page.locator('.banner.warn'))).toBeVisible();

  // Newest first, and on screen without scrolling, above or beside the checklists rather than below them.
  const list = entries(page);
  await expect(list.first()).toContainText('Monitor checkout api failed again');
  await expect(list.first()).toBeInViewport();
  await expect(list.nth(1)).toContainText('Acknowledged by moving it to Monitoring');
  await expect(list.nth(2)).toContainText('Status changed from Investigating to Monitoring');
  await expect(list.last()).toContainText('Declared P1: Checkout returns 502');
  await expect(list.first().locator('time')).toHaveText(ABSOLUTE);
  const timelineTop = (await page.getByRole('heading', { name: 'Timeline' }).boundingBox())!.y;
  const checklistsTop = (await page.getByRole('heading', { name: 'Checklists' }).boundingBox())!.y;
  expect(timelineTop).toBeLessThanOrEqual(checklistsTop);
  await page.screenshot({ path: test.info().outputPath('incident-view.png') });

  // Filters by kind, each with its count; hiding notes and alerts leaves the rest in order.
  const filters = page.getByRole('group', { name: 'Show' });
  await expect(filters.getByRole('checkbox', { name: /^Notes 2$/ })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: /^Updates 1$/ })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: /^Alerts 1$/ })).toBeChecked();
  await expect(filters.getByRole('checkbox', { name: /^Runs 0$/ })).toBeChecked();
  await filters.getByRole('checkbox', { name: /^Notes/ }).uncheck();
  await filters.getByRole('checkbox', { name: /^Alerts/ }).uncheck();
  await expect(page.locator('.timeline')).not.toContainText('Rolled back to v1.4.2');
  await expect(page.locator('.timeline')).not.toContainText('failed again');
  await expect(list.first()).toContainText('Acknowledged by moving it to Monitoring');
  await expect(page.locator('.timeline')).toContainText('Update sent via clipboard');

  // Only updates: what went out to people, and when.
  for (const name of [/^Status and changes/, /^Checklists/, /^Runs/]) await filters.getByRole('checkbox', { name }).uncheck();
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText('We are investigating checkout errors.');
  await filters.getByRole('button', { name: 'Show all' }).click();
  await expect(list.first()).toContainText('failed again');
});

test('impact keeps its lines; acknowledgement and the end of a resolved incident say when and how long', async ({ page }) => {
  await seed([['incidents.declare', { title: 'Disk full on db-1', severity: 'P2' }]]);
  await page.goto(`${serve.url}#/incidents/1`);

  const impact = page.getByRole('textbox', { name: 'Impact' });
  await impact.fill('EU customers cannot pay');
  await impact.press('Enter');
  await impact.pressSequentially('Refunds are delayed');
  await impact.press('Control+Enter');
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Impact' })).toHaveValue('EU customers cannot pay\nRefunds are delayed');

  const acknowledged = page.locator('.fact', { hasText: 'Acknowledged' });
  await expect(acknowledged).toContainText('not yet');
  await page.getByRole('group', { name: 'Next actions' }).getByRole('button', { name: 'Acknowledge' }).click();
  await expect(acknowledged).toContainText(/\d+ (s|min) after declaration/);
  await expect(acknowledged).toContainText(ABSOLUTE);
  await expect(acknowledged).not.toContainText('just now');
  await expect(page.getByRole('group', { name: 'Next actions' }).getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Move to Resolved' }).click();
  const summary = page.locator('.incident-summary');
  await expect(summary.locator('.status.pill')).toHaveText('Resolved');
  await expect(summary).toContainText(/ended \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\+[12], lasted \d+ (s|min)/);
  await expect(page.locator('.fact', { hasText: 'Ended' })).toContainText(ABSOLUTE);
  await expect(page.locator('.fact', { hasText: 'Duration' })).toContainText(/\d+ (s|min)/);
  await page.screenshot({ path: test.info().outputPath('incident-resolved.png') });
});
