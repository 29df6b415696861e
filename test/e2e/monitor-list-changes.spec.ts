import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveEachTest } from './serve-each-test';

// An open Monitors window keeps its list fresh with the monitors changed since its last list, not
// the whole list each time: a change shows in its place and order, and a monitor added to the file
// (which only the whole list can show) appears too.

const COUNT = 200;
const served = serveEachTest();

test('a window open on many monitors follows one going down and up with lists of the changed ones only', async ({ page }) => {
  let failing = false;
  const server = http.createServer((req, res) => {
    res.statusCode = failing && req.url === '/m/123' ? 503 : 200;
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // m123 is checked every second; the rest once, then hourly: only m123 changes under the test.
  const monitor = (i: number) => {
    const name = `m${String(i).padStart(3, '0')}`;
    return [`  - name: ${name}`, `    url: ${base}/m/${i}`, `    interval: ${i === 123 ? '1s' : '1h'}`, '    jitter: 0s', '    failure-threshold: 1'];
  };
  const file = path.join(served.dataDir, 'monitors.yaml');
  const write = (count: number) => fs.writeFileSync(file, `${['monitors:', ...Array.from({ length: count }, (_, i) => monitor(i)).flat()].join('\n')}\n`);
  write(COUNT);
  try {
    // Every first check done, so from here on only m123's results change the list.
    await expect
      .poll(async () => (await served.engine('monitors.list', { sparklines: false })).monitors.filter((m: { lastCheckAt: number | null }) => m.lastCheckAt !== null).length, { timeout: 20_000 })
      .toBe(COUNT);

    const replies: { since: boolean; partial: boolean; rows: number }[] = [];
    const asked = new Map<number, boolean>();
    await page.routeWebSocket(/\/rpc/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const call = JSON.parse(String(message));
        if (call.method === 'monitors.list' && call.params?.first === undefined) asked.set(call.id, call.params?.since !== undefined);
        server.send(message);
      });
      server.onMessage((message) => {
        const reply = JSON.parse(String(message));
        if (asked.has(reply.id) && reply.result) replies.push({ since: asked.get(reply.id)!, partial: reply.result.partial, rows: reply.result.monitors.length });
        ws.send(message);
      });
    });

    await page.goto(`${served.serve.url}#/monitors`);
    await expect(page.getByText(`${COUNT} monitors`, { exact: true })).toBeVisible();
    await expect(page.getByRole('row', { name: /^m000 .*Up/ })).toBeVisible();

    failing = true;
    await expect(page.getByText(`1 down of ${COUNT}`, { exact: true })).toBeVisible({ timeout: 15_000 });
    // Down comes first, in place of the first row.
    await expect(page.locator('tr[data-index="0"]')).toHaveAccessibleName(/^m123 .*Down/);
    const changed = replies.filter((r) => r.since && r.partial);
    expect(changed.length).toBeGreaterThan(0);
    expect(Math.max(...changed.map((r) => r.rows))).toBeLessThanOrEqual(1);

    failing = false;
    await expect(page.getByText(`${COUNT} monitors`, { exact: true })).toBeVisible({ timeout: 15_000 });
    // Back in name order (m123 itself is out of view in the virtual list).
    await expect(page.locator('tr[data-index="0"]')).toHaveAccessibleName(/^m000 .*Up/);

    // A monitor added to the file: the changes since the last list cannot show it, the whole list does.
    write(COUNT + 1);
    await expect(page.getByText(`${COUNT + 1} monitors`, { exact: true })).toBeVisible({ timeout: 15_000 });
    expect(replies.some((r) => r.since && !r.partial && r.rows === COUNT + 1)).toBe(true);
  } finally {
    await new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve())));
  }
});
