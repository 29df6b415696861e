import { expect, test } from '@playwright/test';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

// serve restarted with --new-token on the same port: the open tab's token is refused. The page tells
// that from a server that is away, says what to open, and stops knocking. The page's clock is
// Playwright's, so the retry back-off runs when the test advances it, not after real waiting.
test('a tab whose token was replaced says so and stops retrying', async ({ page }) => {
  const dataDir = tempDir();
  let serve = await startServe(dataDir);
  try {
    const { port, token } = serve;
    await page.clock.install();
    // Counts connection attempts inside the page, where they happen.
    await page.addInitScript(() => {
      const scope = globalThis as unknown as { WebSocket: typeof WebSocket; wsAttempts: number };
      scope.wsAttempts = 0;
      scope.WebSocket = class extends scope.WebSocket {
        constructor(...args: ConstructorParameters<typeof WebSocket>) {
          super(...args);
          scope.wsAttempts += 1;
        }
      };
    });
    const attempts = () => page.evaluate(() => (globalThis as unknown as { wsAttempts: number }).wsAttempts);
    // The page arms its retry only after its token probe (a real request) has answered, which under
    // load can come after a single jump of its clock: so the clock moves on a second at a time until
    // the attempt has happened.
    const attemptsAfter = async (ms: number) => {
      await page.clock.runFor(ms);
      return attempts();
    };
    await page.goto(serve.url);
    await expect(page.getByText('No open incidents.')).toBeVisible();
    const denied = page.getByRole('alert').filter({ hasText: "This page's access token is no longer valid" });

    // Away is not refused: while nothing listens, the page says it is reconnecting.
    await serve.stop();
    await expect(page.getByText('Disconnected from Trayage — reconnecting…')).toBeVisible();
    const first = await attempts();
    await expect.poll(() => attemptsAfter(1_000)).toBeGreaterThan(first);
    await expect(page.getByText('Disconnected from Trayage — reconnecting…')).toBeVisible();
    await expect(denied).toBeHidden();

    serve = await startServe(dataDir, ['--new-token'], { port });
    expect(serve.token).not.toBe(token);
    // The next attempt, at most the back-off's 5 s later, is refused for its token.
    const before = await attempts();
    await expect.poll(() => attemptsAfter(1_000)).toBeGreaterThan(before);
    await expect(denied).toBeVisible({ timeout: 5_000 });
    await expect(denied).toContainText('open the link trayage serve printed (or run trayage serve --open)');
    await expect(page.getByText('Disconnected from Trayage — reconnecting…')).toBeHidden();

    // Two minutes of the page's time later it has not tried again.
    const tried = await attempts();
    await page.clock.runFor(120_000);
    await expect(denied).toBeVisible();
    expect(await attempts()).toBe(tried);

    // The link serve printed works again, in the same tab.
    await page.goto(serve.url);
    await expect(page.getByText('No open incidents.')).toBeVisible();
    await expect(denied).toBeHidden();
  } finally {
    await serve.stop();
    removeDir(dataDir);
  }
});
