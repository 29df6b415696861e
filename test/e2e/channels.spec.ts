import { expect, test } from '@playwright/test';
import { refusedPort } from '../helpers/recording-server';
import { startServe } from '../helpers/serve-process';
import { startSmtpServer } from '../helpers/smtp-server';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

// A send goes over real sockets to a real SMTP server; on a loaded machine it can take longer than expect's 5 s.
const SENT = { timeout: 20_000 };

test('configure channels in Settings, page from the incident window, see each outcome in the timeline', async ({ page }) => {
  const dataDir = tempDir();
  const smtp = await startSmtpServer(dataDir);
  const closedPort = await refusedPort();
  const serve = await startServe(dataDir);
  try {
    const rpc = await connectRpc(serve.port, serve.token);
    await rpc.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1', impact: 'EU customers cannot pay', commander: 'ana' });
    rpc.close();

    await page.goto(`${serve.url}#/settings`);
    const channels = page.getByRole('region', { name: 'Channels', exact: true });
    await channels.getByLabel('Channel name').fill('oncall-mail');
    await channels.getByLabel('Channel kind').selectOption('email');
    await channels.getByLabel('SMTP host').fill('127.0.0.1');
    await channels.getByLabel('SMTP port').fill(String(smtp.port));
    await channels.getByLabel('Security').selectOption('none');
    await channels.getByLabel('From address').fill('trayage@example.test');
    await channels.getByLabel('To (when a message names nobody)').fill('team@example.test');
    await channels.getByRole('button', { name: 'Add channel' }).click();
    await expect(channels.getByRole('status')).toContainText('Channel oncall-mail saved', SENT);

    // A preset fills the request; the routing key is write-only.
    await channels.getByLabel('Channel name').fill('pagerduty');
    await channels.getByLabel('Channel kind').selectOption('http');
    await channels.getByLabel('Preset').selectOption({ label: 'PagerDuty Events v2' });
    await expect(channels.getByLabel('Body template (JSON)')).toHaveValue(/"event_action": "trigger"/);
    await channels.getByLabel('Request URL', { exact: true }).fill(`http://127.0.0.1:${closedPort}/v2/enqueue`);
    await channels.getByLabel('Key ({{secret}})', { exact: true }).fill('R0UTINGKEY');
    await channels.getByRole('button', { name: 'Add channel' }).click();
    await expect(channels.getByRole('status')).toContainText('Channel pagerduty saved', SENT);
    await expect(channels.getByRole('listitem')).toHaveText([/oncall-mail \(E-mail \(SMTP\)\)/, /pagerduty \(Templated HTTP request/]);
    await expect(page.locator('body')).not.toContainText('R0UTINGKEY');

    await page.goto(`${serve.url}#/incidents/1`);
    await page.getByRole('button', { name: 'Page…' }).click();
    const form = page.getByRole('form', { name: 'Page someone' });
    await form.getByLabel('Page via').selectOption({ label: 'oncall-mail (e-mail)' });
    await form.getByLabel('Who (name)').fill('Dana (L2)');
    await form.getByLabel('Their e-mail').fill('dana@example.test');
    await form.getByRole('button', { name: 'Send page' }).click();
    await expect(form.getByRole('status')).toContainText('Page sent via oncall-mail', SENT);
    await expect(page.locator('.timeline')).toContainText('Page sent via oncall-mail to Dana (L2)', SENT);
    await expect.poll(() => smtp.messages().map((m) => [m.subject, m.rcptTos.join(',')]), SENT).toEqual([['Page: #1 P1 · Checkout returns 502', 'dana@example.test']]);

    // A refused connection is said for people, in the form and in the timeline.
    await form.getByLabel('Page via').selectOption({ label: 'pagerduty (HTTP)' });
    await form.getByRole('button', { name: 'Send page' }).click();
    await expect(form.getByRole('alert')).toContainText(`Page not sent via pagerduty: PagerDuty failed: connection refused by 127.0.0.1:${closedPort}`, SENT);
    await expect(form.getByRole('alert')).toContainText('Trayage tries again by itself.');
    await expect(page.locator('.timeline')).toContainText(`Page NOT sent via pagerduty to Dana (L2): PagerDuty failed: connection refused by 127.0.0.1:${closedPort}`, SENT);
  } finally {
    await serve.stop();
    await smtp.stop();
    removeDir(dataDir);
  }
});
