import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { type HealthEndpoint, healthEndpoint } from './health-endpoint';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

// Headless: no session bus and no display, so there is no desktop notification daemon to reach.
function headlessEnv(): NodeJS.ProcessEnv {
  const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...env } = process.env;
  return env;
}

interface Setup {
  serve: ServeProcess;
  endpoint: HealthEndpoint;
  dataDir: string;
}

async function serveOneMonitor(): Promise<Setup> {
  const endpoint = await healthEndpoint();
  const dataDir = tempDir();
  const config = path.join(dataDir, 'checks.yaml');
  fs.writeFileSync(
    config,
    ['monitors:', '  - name: checkout api', `    url: ${endpoint.url}/health`, '    interval: 1s', '    jitter: 0s', '    failure-threshold: 1', '    conditions: ["[STATUS] == 200"]', ''].join('\n'),
  );
  const serve = await startServe(dataDir, ['--config', config], { env: headlessEnv() });
  return { serve, endpoint, dataDir };
}

// A client of the engine and the first notice it is sent (one raised while no page is open goes to every client).
async function watchNotices(setup: Setup) {
  const rpc = await connectRpc(setup.serve.port, setup.serve.token);
  const raised = new Promise<{ id: number; title: string }>((resolve) =>
    rpc.socket.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.event === 'notice') resolve(message.payload);
    }),
  );
  return { rpc, raised };
}

async function tearDown(setup: Setup | undefined) {
  await setup?.serve.stop();
  await setup?.endpoint.close();
  if (setup) removeDir(setup.dataDir);
}

let setup: Setup | undefined;
test.afterEach(async () => {
  await tearDown(setup);
  setup = undefined;
});

test('with notifications allowed, a monitor going down shows a system notification within 2 s of the notice', async ({ browser }) => {
  setup = await serveOneMonitor();
  const context = await browser.newContext();
  await context.grantPermissions(['notifications'], { origin: new URL(setup.serve.url).origin });
  // Records each construction and still calls the real API.
  await context.addInitScript(() => {
    type Shown = { title: string; body: string; at: number };
    type NotificationClass = new (title: string, options?: { body?: string }) => object;
    const scope = globalThis as unknown as { Notification: NotificationClass; shownNotifications: Shown[] };
    const Real = scope.Notification;
    const shown: Shown[] = [];
    scope.shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: { body?: string }) {
        super(title, options);
        shown.push({ title, body: options?.body ?? '', at: Date.now() });
      }
    }
    Object.defineProperty(globalThis, 'Notification', { value: Recorded, configurable: true, writable: true });
  });
  const page = await context.newPage();
  const notices: { title: string; createdAt: number }[] = [];
  page.on('websocket', (ws) =>
    ws.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload));
      if (message.event === 'notice') notices.push(message.payload);
    }),
  );
  await page.goto(`${setup.serve.url}#/monitors/1`);
  await expect(page.getByRole('heading', { name: 'checkout api', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enable notifications' })).toHaveCount(0);
  await expect(page.locator('.beat.ok').first()).toBeAttached({ timeout: 10_000 });

  setup.endpoint.setHealthy(false);
  await expect.poll(() => notices.length, { timeout: 10_000 }).toBe(1);
  const shown = await page.waitForFunction(() => {
    const { shownNotifications } = globalThis as unknown as { shownNotifications: unknown[] };
    return shownNotifications.length > 0 && shownNotifications;
  });
  const [notification] = (await shown.jsonValue()) as { title: string; body: string; at: number }[];
  expect(notification.title).toBe(notices[0].title);
  expect(notification.title).toMatch(/checkout api/);
  expect(notification.body).toContain(`${setup.endpoint.url}/health`);
  // From the engine deciding the monitor is down to the page's notification (both clocks are this machine's).
  expect(notification.at - notices[0].createdAt).toBeLessThan(2_000);
  // No banner when the system notification showed, and the page acknowledged it: nothing is pending.
  await expect(page.locator('.notice-banner')).toHaveCount(0);
  const rpc = await connectRpc(setup.serve.port, setup.serve.token);
  await expect.poll(async () => (await rpc.call('notifications.pending')).result, { timeout: 5_000 }).toEqual([]);
  rpc.close();
  await context.close();
});

test('without permission: a banner and a title badge; the banner opens the monitor; a notice raised with no page open shows once', async ({ browser }) => {
  setup = await serveOneMonitor();
  const { rpc, raised } = await watchNotices(setup);
  // The monitor goes down while no page is open.
  setup.endpoint.setHealthy(false);
  const notice = await raised;
  expect((await rpc.call('notifications.pending')).result.map((n: { id: number }) => n.id)).toEqual([notice.id]);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(setup.serve.url);
  const banner = page.getByRole('alert').filter({ hasText: notice.title });
  await expect(banner).toBeVisible();
  await expect(page).toHaveTitle('(1) Trayage');
  await expect(page.getByRole('button', { name: 'Enable notifications' })).toBeVisible();
  await expect.poll(async () => (await rpc.call('notifications.pending')).result, { timeout: 5_000 }).toEqual([]);

  // A notice raised while the page is open: the badge counts both.
  setup.endpoint.setHealthy(true);
  await expect(page.getByRole('alert').filter({ hasText: 'checkout api is back up' })).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveTitle('(2) Trayage');

  // Dismissed from the keyboard, then the other opened by a click: each counts as seen.
  const dismiss = page.getByRole('button', { name: `Dismiss notice: ${notice.title}` });
  await dismiss.focus();
  await page.keyboard.press('Enter');
  await expect(banner).toHaveCount(0);
  await expect(page).toHaveTitle('(1) Trayage');
  await page.getByRole('alert').first().getByRole('link').click();
  await expect(page).toHaveURL(/#\/monitors\/1$/);
  await expect(page.getByRole('heading', { name: 'checkout api', exact: true })).toBeVisible();
  await expect(page).toHaveTitle('Trayage');

  // Acknowledged notices are not shown again by a page opened later.
  const later = await context.newPage();
  const caughtUp = catchUpReply(later);
  await later.goto(`${setup.serve.url}#/monitors`);
  expect(await caughtUp).toEqual([]);
  await expect(later.getByRole('link', { name: 'Monitors' })).toBeVisible();
  await expect(later.locator('.notice-banner')).toHaveCount(0);
  await expect(later).toHaveTitle('Trayage');
  rpc.close();
  await context.close();
});

test('the Notices window lists every notice with what became of it, follows new ones and leads to the monitor', async ({ browser }) => {
  setup = await serveOneMonitor();
  const { rpc, raised } = await watchNotices(setup);
  setup.endpoint.setHealthy(false);
  const notice = await raised;
  // No page is open and there is no desktop daemon: the list says it waits for a window, and why.
  const listed = (await rpc.call('notifications.list', {})).result;
  expect(listed.more).toBe(false);
  expect(listed.notices).toEqual([expect.objectContaining({ id: notice.id, state: 'for-window', shownAt: null, reason: expect.stringMatching(/^No desktop notification daemon/) })]);
  const refused = await rpc.call('notifications.list', { limit: 0 });
  expect(refused.error.message).toMatch(/limit/);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${setup.serve.url}#/notices`);
  await expect(page.getByRole('heading', { name: 'Notices', exact: true })).toBeVisible();
  const items = page.getByRole('list', { name: 'Notices, newest first' }).getByRole('listitem');
  await expect(items).toHaveCount(1);
  // The page showed it as a banner and acknowledged it; the list follows without a reload.
  await expect(items.first()).toContainText('Shown in a Trayage window');
  await expect(items.first()).toContainText(`${setup.endpoint.url}/health`);

  setup.endpoint.setHealthy(true);
  await expect(items).toHaveCount(2, { timeout: 10_000 });
  await expect(items.first().getByRole('link')).toHaveText('checkout api is back up');

  await items.nth(1).getByRole('link', { name: notice.title }).click();
  await expect(page).toHaveURL(/#\/monitors\/1$/);
  await expect(page.getByRole('heading', { name: 'checkout api', exact: true })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#\/notices$/);
  await expect(items).toHaveCount(2);
  const search = page.getByRole('searchbox', { name: 'Search notices by title or text' });
  await search.fill('BACK UP');
  await expect(items).toHaveCount(1);
  await expect(items.first().getByRole('link')).toHaveText('checkout api is back up');
  await search.fill('no such notice');
  await expect(page.getByText('No notices with “no such notice” in their title or text.')).toBeVisible();
  await search.fill('');
  await expect(items).toHaveCount(2);
  // Both were shown: none is left among those not shown.
  await page.getByRole('checkbox', { name: 'Only those not shown' }).check();
  await expect(page.getByText('Every notice has been shown.')).toBeVisible();
  await expect(items).toHaveCount(0);
  rpc.close();
  await context.close();
});

// What the engine answered the page's catch-up request on connecting (read off the page's own socket).
function catchUpReply(page: import('@playwright/test').Page): Promise<unknown> {
  return new Promise((resolve) =>
    page.on('websocket', (ws) => {
      let id: unknown;
      ws.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload));
        if (message.method === 'notifications.pending') id = message.id;
      });
      ws.on('framereceived', ({ payload }) => {
        const message = JSON.parse(String(payload));
        if (id !== undefined && message.id === id) resolve(message.result);
      });
    }),
  );
}
