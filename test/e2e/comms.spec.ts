import { expect, test } from '@playwright/test';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startWebhookServer } from '../helpers/webhook-server';
import { connectRpc } from '../helpers/ws-client';

test('an update with blanks left asks for an explicit "Send anyway"; a failed post says the text is in the box above', async ({ page }) => {
  const dataDir = tempDir();
  const good = await startWebhookServer();
  const broken = await startWebhookServer(500);
  const serve = await startServe(dataDir);
  try {
    const rpc = await connectRpc(serve.port, serve.token);
    await rpc.call('channels.save', { name: '#incidents', kind: 'slack', url: good.url });
    await rpc.call('channels.save', { name: 'status-hook', kind: 'json', url: broken.url });
    await rpc.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1', commander: 'ana', impact: 'EU customers cannot pay' });
    rpc.close();
    await page.goto(`${serve.url}#/incidents/1`);

    const text = page.getByLabel('Update text');
    const post = page.getByRole('button', { name: 'Post update' });
    await page.getByLabel('Template').selectOption({ label: 'Slack update' });
    await expect(text).toHaveValue(/ETA: \{\{eta\}\}/);
    await page.getByLabel('Send to').selectOption({ label: '#incidents (Slack)' });

    // The blank is caught before anything goes out; keeping on editing goes back to the text.
    await post.click();
    const confirm = page.getByRole('alert').filter({ hasText: /still has (a blank|blanks)/ });
    await expect(confirm).toContainText('The text above still has a blank: {{eta}}.');
    expect(good.bodies).toHaveLength(0);
    await confirm.getByRole('button', { name: 'Keep editing' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(text).toBeFocused();

    // A blank typed by hand counts too, and "Send anyway" sends exactly what is in the box.
    await text.fill(`${await text.inputValue()}\nCause: {{ cause }}`);
    await post.click();
    await expect(confirm).toContainText('The text above still has blanks: {{eta}}, {{ cause }}.');
    await confirm.getByRole('button', { name: 'Send anyway' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Posted to #incidents.' })).toBeVisible();
    expect(good.bodies).toHaveLength(1);
    expect(JSON.parse(good.bodies[0].body).text).toContain('ETA: {{eta}}');

    // Without blanks nothing is asked; a failure says where the text is, and it is there.
    await text.fill('We are rolling back the checkout deploy.');
    await page.getByLabel('Send to').selectOption({ label: 'status-hook (webhook)' });
    await post.click();
    const failure = page.getByRole('alert').filter({ hasText: 'Not posted to status-hook' });
    await expect(failure).toContainText('The text is still in the box above.');
    await expect(text).toHaveValue('We are rolling back the checkout deploy.');
    expect((await text.boundingBox())!.y).toBeLessThan((await failure.boundingBox())!.y);
    expect(broken.bodies).toHaveLength(1);
  } finally {
    await serve.stop();
    await good.close();
    await broken.close();
    removeDir(dataDir);
  }
});
