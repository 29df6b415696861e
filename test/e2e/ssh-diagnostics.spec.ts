import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeKeyPair, makeTempDir, opensshFingerprint } from '../fixtures/sshd/keys';
import { type SshTarget, startSshTarget } from '../runs/ssh-target';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

const PROCEDURE = `id: slow-probe
title: Slow probe
kind: diagnostic
params:
  - name: dir
    label: Directory to look at
steps:
  - title: Ticks
    command: for i in 1 2 3; do echo tick-$i; sleep 1; done
  - title: Disk
    command: df -h -- {{dir}}
`;

const PASSPHRASE = 'open sesame';
let ssh: SshTarget;
let serve: ServeProcess;
let dataDir: string;
let keys: string;
let lockedKey: ReturnType<typeof makeKeyPair>;

test.beforeEach(async () => {
  keys = makeTempDir('e2e-keys');
  lockedKey = makeKeyPair(keys, 'id_locked', PASSPHRASE);
  ssh = await startSshTarget({ extraAuthorized: [lockedKey.publicLine] });
  dataDir = tempDir();
  serve = await startServe(dataDir);
});
test.afterEach(async () => {
  await serve?.stop();
  await ssh?.stop();
  removeDir(dataDir);
  removeDir(keys);
});

test('run a diagnostic from an incident: trust the host, watch live output, find the run in the timeline', async ({ page }) => {
  const empty = path.join(ssh.dir, 'empty_known_hosts');
  fs.writeFileSync(empty, '');
  const rpc = await connectRpc(serve.port, serve.token);
  await rpc.call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });
  rpc.close();

  // SSH files and a team procedure, set up in the SSH window.
  await page.goto(`${serve.url}#/ssh`);
  await page.getByLabel('SSH config file').fill(ssh.configPath);
  await page.getByLabel(/known_hosts files/).fill(empty);
  await page.getByRole('button', { name: 'Save files' }).click();
  await expect(page.getByText('Saved. New connections use these files.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hosts' }).locator('tr', { hasText: 'web' })).toContainText(`127.0.0.1:${ssh.sshd.port}`);
  await page.getByRole('button', { name: 'New procedure' }).click();
  await page.getByLabel('Procedure (YAML)').fill(PROCEDURE);
  await page.getByRole('button', { name: 'Save procedure' }).click();
  await expect(page.locator('tr', { hasText: 'Slow probe' })).toContainText('team');

  await page.goto(`${serve.url}#/incidents/1`);
  await page.getByRole('button', { name: 'Run diagnostics ▸' }).click();
  await expect(page.getByRole('heading', { name: 'Run diagnostics for #1 Checkout returns 502' })).toBeVisible();
  await page.getByRole('radio', { name: /^Slow probe/ }).check();
  await page.getByRole('checkbox', { name: /^web/ }).check();
  await page.getByLabel('Directory to look at').fill(ssh.dir);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Preview commands' }).click();
  const preview = page.getByRole('region', { name: 'Commands to run' });
  await expect(preview).toContainText('On web');
  await expect(preview).toContainText(`$ df -h -- '${ssh.dir}'`);
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  // The host key is unknown: the run stops before any command and shows the fingerprint to trust.
  const fingerprint = opensshFingerprint(ssh.sshd.hostKey.publicPath);
  await expect(page.getByRole('region', { name: 'Host key of web' })).toContainText(fingerprint);
  await expect(page.getByLabel('Run status')).toHaveText('error');
  await page.getByRole('button', { name: /^Trust SHA256:/ }).click();
  await expect(page.getByText(`Trusted ${fingerprint} for "web"`)).toBeVisible();
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page.getByRole('heading', { name: 'Run #2: Slow probe' })).toBeVisible();

  // Output shows while the step still runs.
  const ticks = page.getByLabel('Output of step 1 on web');
  await expect(ticks).toContainText('tick-1');
  await expect(page.getByLabel('Run status')).toHaveText('running');
  await expect(page.getByRole('button', { name: /Step 1: Ticks, running/ })).toBeVisible();
  await expect(page.getByLabel('Run status')).toHaveText('ok', { timeout: 15_000 });
  await page.getByRole('button', { name: /Step 1: Ticks, ok/ }).click();
  await expect(ticks).toHaveText('tick-1\ntick-2\ntick-3\n');
  await page.getByRole('button', { name: /Step 2: Disk, ok/ }).click();
  await expect(page.getByLabel('Output of step 2 on web')).toContainText('Filesystem');

  await page.getByRole('button', { name: '← Incident #1' }).click();
  const timeline = page.locator('.timeline');
  await expect(timeline).toContainText('Started diagnostic "Slow probe" on web (run #2)');
  await expect(timeline).toContainText('web · step 1/2 ✓ Ticks — exit 0');
  await expect(timeline).toContainText(`$ df -h -- '${ssh.dir}'`);
  await expect(timeline).toContainText('Run #2 "Slow probe" succeeded — 2/2 steps ok on web');
});

test('a host added in the SSH window with an encrypted key asks for the passphrase in a dialog', async ({ page }) => {
  await page.goto(`${serve.url}#/ssh`);
  await page.getByLabel('known_hosts files').fill(ssh.knownHostsPath);
  await page.getByRole('button', { name: 'Save files' }).click();
  const form = page.getByRole('form', { name: 'Add a host' });
  await form.getByLabel('Alias').fill('locked');
  await form.getByLabel('Host name').fill('127.0.0.1');
  await form.getByLabel('User').fill(os.userInfo().username);
  await form.getByLabel('Port').fill(String(ssh.sshd.port));
  await form.getByLabel('Identity file').fill(lockedKey.privatePath);
  await form.getByRole('button', { name: 'Add host' }).click();
  await expect(page.getByRole('region', { name: 'Hosts' }).locator('tr', { hasText: 'locked' })).toContainText('added here');

  await page.getByRole('button', { name: 'Check locked' }).click();
  const dialog = page.getByRole('dialog', { name: 'Passphrase for locked' });
  await expect(dialog).toContainText(lockedKey.privatePath);
  await dialog.getByLabel('Passphrase').fill('wrong');
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toContainText('Wrong passphrase.');
  await dialog.getByLabel('Passphrase').fill(PASSPHRASE);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Hosts' }).locator('tr', { hasText: 'locked' })).toContainText(`Connected with key ${lockedKey.privatePath}`);
});
