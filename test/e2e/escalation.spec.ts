import { expect, test } from '@playwright/test';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

const LEVEL = {
  key: 'P1',
  name: 'Critical',
  definition: 'Checkout down',
  examples: [],
  responseMinutes: 15,
  updateCadenceMinutes: 30,
  escalateAfterMinutes: null,
  escalateTo: [],
  postFixWatchMinutes: 60,
  escalation: [{ afterMinutes: 30, to: 'L2' }],
};

test('on call and business hours in Settings; the incident window shows the next escalation step', async ({ page }) => {
  const dataDir = tempDir();
  const serve = await startServe(dataDir);
  const rpc = await connectRpc(serve.port, serve.token);
  try {
    expect((await rpc.call('schemes.setActive', { scheme: { id: 'team', name: 'Team', source: 'e2e', levels: [LEVEL] } })).error).toBeUndefined();
    expect((await rpc.call('contacts.set', { contacts: [{ role: 'L2', name: 'Lee Park', email: 'lee@example.com' }] })).error).toBeUndefined();
    const declared = await rpc.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });

    await page.goto(`${serve.url}#/settings`);
    const panel = page.getByRole('region', { name: 'On call and business hours' });
    await panel.getByLabel('Business hours time zone').fill('Mars/Olympus');
    await panel.getByRole('button', { name: 'Save on call and business hours' }).click();
    await expect(panel.getByRole('alert')).toContainText('Business hours, field timeZone: is not an IANA time zone');

    await panel.getByLabel('Business hours time zone').fill('Europe/Berlin');
    await panel.getByLabel('On-call source').selectOption('rotation');
    await panel.getByLabel('People, in turn').fill('Lee Park');
    await panel.getByLabel('Rotation time zone').fill('UTC');
    await panel.getByLabel('First turn starts on').fill('2026-01-05');
    await panel.getByRole('button', { name: 'Save on call and business hours' }).click();
    await expect(panel.getByRole('status')).toContainText('On call and business hours saved.');
    await expect(panel.getByTestId('oncall-now')).toContainText('On call now: Lee Park until');
    expect((await rpc.call('escalation.settings')).result.businessHours.timeZone).toBe('Europe/Berlin');

    await page.goto(`${serve.url}#/incidents/${declared.result.id}`);
    await expect(page.getByTestId('next-escalation')).toHaveText(/^Next: L2 \(Lee Park\) \(desktop notice\) in (29|30) min — step 1 of 1$/);
  } finally {
    rpc.close();
    await serve.stop();
    removeDir(dataDir);
  }
});
