import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, type Page, test } from '@playwright/test';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

// Another local server, say a dev server on its own port: it records everything a request brings.
async function startRecorder(): Promise<{ origin: string; requests: Recorded[]; close(): Promise<void> }> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>dev server</title><p>another local server</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const connectionBanner = (page: Page) => page.locator('.banner', { hasText: 'Trayage' });

// From the incident log, through the form, as a person would.
async function declare(page: Page, title: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Incident log' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(page.getByRole('heading', { name: 'Declare incident' })).toBeVisible();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Severity').selectOption('P2');
  await page.getByRole('button', { name: 'Declare', exact: true }).click();
  await expect(page.getByRole('heading', { name: new RegExp(title) })).toBeVisible();
}

test('the token reaches no other server on 127.0.0.1, and the app works once it left the URL', async ({ page, context }) => {
  const dataDir = tempDir();
  const serve = await startServe(dataDir);
  const recorder = await startRecorder();
  try {
    await page.goto(serve.url);
    await expect(page.getByRole('heading', { name: 'Incident log' })).toBeVisible();
    await expect(connectionBanner(page)).toBeHidden();
    expect(page.url()).not.toContain(serve.token);
    expect(await context.cookies()).toEqual([]);

    // The same browser visits the other server, which fetches from itself, and the context asks it too.
    await page.goto(`${recorder.origin}/visited`);
    await expect(page.getByText('another local server')).toBeVisible();
    expect(await page.evaluate(async () => (await fetch('/fetched', { credentials: 'include' })).status)).toBe(200);
    expect((await context.request.get(`${recorder.origin}/from-context`)).status()).toBe(200);
    const paths = recorder.requests.map((r) => r.url);
    expect(paths).toEqual(expect.arrayContaining(['/visited', '/fetched', '/from-context']));
    for (const request of recorder.requests) {
      expect(JSON.stringify(request)).not.toContain(serve.token);
      expect(request.headers.cookie).toBeUndefined();
      expect(request.headers.authorization).toBeUndefined();
    }

    // Back on the app by its bare address: this tab still holds the token.
    await page.goto(`http://127.0.0.1:${serve.port}/`);
    await declare(page, 'Token stays home');
    await page.reload();
    await expect(page.getByRole('heading', { name: /Token stays home/ })).toBeVisible();
    await expect(connectionBanner(page)).toBeHidden();
    expect(page.url()).not.toContain(serve.token);
  } finally {
    await recorder.close();
    await serve.stop();
    removeDir(dataDir);
  }
});

test('an open tab reconnects by itself when serve restarts on the same data directory', async ({ page }) => {
  const dataDir = tempDir();
  let serve = await startServe(dataDir);
  try {
    const { port, token } = serve;
    await page.goto(serve.url);
    await expect(page.getByText('No open incidents.')).toBeVisible();
    await page.evaluate(() => ((globalThis as unknown as { sameDocument: boolean }).sameDocument = true));

    await serve.stop();
    await expect(connectionBanner(page)).toBeVisible();

    // No --port: serve comes back on the port it used last, with the token the tab holds.
    serve = await startServe(dataDir, [], { port: null });
    expect(serve.port).toBe(port);
    expect(serve.token).toBe(token);
    await expect(connectionBanner(page)).toBeHidden({ timeout: 15_000 });
    await declare(page, 'After the restart');
    expect(await page.evaluate(() => (globalThis as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  } finally {
    await serve.stop();
    removeDir(dataDir);
  }
});
