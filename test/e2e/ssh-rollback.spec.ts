import { expect, test } from '@playwright/test';
import { startRollbackServer } from '../fixtures/rollback-server';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';
import { startSshTarget } from '../runs/ssh-target';

// The "server" is the loopback sshd with a scratch git repository tagged
// v1.0.0..v1.2.0 and a fake `docker` whose `compose up -d` records the
// checked-out tag; the local health endpoint is healthy once v1.1.0 runs.
test('quick rollback from the incident window: pick the previous tag, type the host name, verify health, incident to Monitoring', async ({ page }) => {
  const server = await startRollbackServer('e2e-rollback');
  const { scratch, repo, bin, healthUrl } = server;
  const ssh = await startSshTarget({ env: { PATH: `${bin}:/usr/local/bin:/usr/bin:/bin` } });
  const dataDir = tempDir();
  const serve = await startServe(dataDir);
  try {
    const rpc = await connectRpc(serve.port, serve.token);
    await rpc.call('incidents.declare', { title: 'Deploy v1.2.0 broke checkout', severity: 'P1' });
    await rpc.call('hosts.settings', { sshConfigPath: ssh.configPath, knownHostsFiles: [ssh.knownHostsPath] });
    rpc.close();

    await page.goto(`${serve.url}#/incidents/1`);
    await page.getByRole('button', { name: 'Run diagnostics ▸' }).click();
    await page.getByRole('radio', { name: /^Quick rollback to the previous tag/ }).check();
    const wizard = page.getByRole('list', { name: 'Rollback steps' });
    await expect(wizard).toContainText('Parameters and host');
    await page.getByRole('radio', { name: /^web/ }).check();
    await page.getByLabel('Git checkout of the application').fill(repo);
    await page.getByLabel('Directory with the docker-compose file').fill(scratch);
    await page.getByLabel('docker compose service to rebuild and restart').fill('app');
    await page.getByLabel('Container whose logs to show afterwards').fill('app');
    await page.getByLabel('Health endpoint that must answer 2xx').fill(healthUrl);
    await page.getByRole('button', { name: 'Preview commands' }).click();
    const preview = page.getByRole('region', { name: 'Commands to run' });
    await expect(preview).toContainText(`$ cd -- '${repo}' && git checkout --quiet {{tag}} && git describe --tags`);
    // Every step that changes the server: check out, rebuild, restart.
    await expect(preview.locator('li.guarded')).toHaveCount(3);
    await page.getByRole('button', { name: 'Run', exact: true }).click();

    // The run asks which tag, suggesting the one before the newest.
    const choose = page.getByRole('form', { name: 'Choose Release to roll back to' });
    await expect(choose.getByRole('radio', { name: 'v1.1.0' })).toBeChecked();
    await expect(choose).toContainText('v1.2.0');
    await choose.getByRole('button', { name: 'Use v1.1.0' }).click();

    // Each guarded step waits for the host name typed out.
    const checkout = page.getByRole('form', { name: 'Confirm step 3' });
    await expect(checkout).toContainText(`$ cd -- '${repo}' && git checkout --quiet 'v1.1.0' && git describe --tags`);
    const runCheckout = checkout.getByRole('button', { name: 'Run on web' });
    await checkout.getByLabel(/Type the host name/).fill('prod');
    await expect(runCheckout).toBeDisabled();
    expect(server.checkedOut()).toBe('v1.2.0');
    await checkout.getByLabel(/Type the host name/).fill('web');
    await runCheckout.click();
    const rebuild = page.getByRole('form', { name: 'Confirm step 4' });
    await rebuild.getByLabel(/Type the host name/).fill('web');
    await rebuild.getByRole('button', { name: 'Run on web' }).click();
    const restart = page.getByRole('form', { name: 'Confirm step 5' });
    await restart.getByLabel(/Type the host name/).fill('web');
    await restart.getByRole('button', { name: 'Run on web' }).click();

    await expect(page.getByLabel('Run status')).toHaveText('ok', { timeout: 20_000 });
    await expect(page.getByText('Health verified; incident #1 moved to Monitoring.')).toBeVisible();
    expect(server.checkedOut()).toBe('v1.1.0');

    await page.getByRole('button', { name: '← Incident #1' }).click();
    await expect(page.locator('header .status-monitoring')).toHaveText('Monitoring');
    const timeline = page.locator('.timeline');
    for (const step of ['Recent commits', 'Recent tags, newest first', 'Check out the chosen tag', 'Rebuild the image', 'Restart the container', 'Verify the service is healthy', 'Container logs (last 20 lines)']) {
      await expect(timeline).toContainText(`✓ ${step}`);
    }
    await expect(timeline).toContainText('Status changed from Investigating to Monitoring');
  } finally {
    await serve.stop();
    await ssh.stop();
    await server.stop();
    removeDir(dataDir);
  }
});
