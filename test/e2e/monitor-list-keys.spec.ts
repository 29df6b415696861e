import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveEachTest } from './serve-each-test';

// The Monitors window shows the most urgent rows first and the whole list when it arrives. The
// keyboard must reach every monitor either way: End pressed before the whole list is there goes to
// the last monitor once it is, not to the last of the first screen's rows.

const COUNT = 400;
const served = serveEachTest();

test.beforeEach(() => {
  // Paused monitors on a closed port: nothing is checked, so the list does not change under the test.
  const lines = ['monitors:'];
  for (let i = 0; i < COUNT; i++) lines.push(`  - name: m${String(i).padStart(3, '0')}`, '    url: http://127.0.0.1:9/none', '    interval: 1h', '    paused: true');
  fs.writeFileSync(path.join(served.dataDir, 'monitors.yaml'), `${lines.join('\n')}\n`);
});

test('End before the whole list has arrived focuses the last monitor once it has', async ({ page }) => {
  await expect.poll(async () => (await served.engine('monitors.list', { sparklines: false, first: 1 })).total).toBe(COUNT);

  // The page's socket goes through the test, which holds back the engine's reply to the whole list.
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const heldIds = new Set<number>();
  await page.routeWebSocket(/\/rpc/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const call = JSON.parse(String(message));
      if (call.method === 'monitors.list' && call.params?.first === undefined) heldIds.add(call.id);
      server.send(message);
    });
    server.onMessage((message) => {
      const reply = JSON.parse(String(message));
      if (heldIds.has(reply.id)) void released.then(() => ws.send(message));
      else ws.send(message);
    });
  });

  await page.goto(`${served.serve.url}#/monitors`);
  const rows = page.locator('tbody tr[data-index]');
  await rows.first().focus();
  await expect(page.locator('tr[data-index="0"]')).toBeFocused();
  expect(heldIds.size).toBeGreaterThan(0);
  await page.keyboard.press('End');

  release();
  await expect(page.getByRole('row', { name: /^m399 / })).toBeFocused();
  await expect(page.locator(':focus')).toHaveAttribute('data-index', String(COUNT - 1));

  // And back: Home goes to the first.
  await page.keyboard.press('Home');
  await expect(page.locator('tr[data-index="0"]')).toBeFocused();
});
