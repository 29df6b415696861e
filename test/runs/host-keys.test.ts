import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { makeKeyPair, opensshFingerprint } from '../fixtures/sshd/keys';
import { startRunsEnv, type RunsEnv } from './runs-env';

let env: RunsEnv;
let marker: string;
let realFingerprint: string;
let otherKey: ReturnType<typeof makeKeyPair>;

const TOUCH = `
id: touch-marker
title: Touch a marker
kind: resolution
params: [{ name: file, label: Marker file }]
steps:
  - title: Touch
    command: touch {{file}} && echo touched
`;

beforeAll(async () => {
  env = await startRunsEnv();
  marker = path.join(env.ssh.dir, 'marker');
  realFingerprint = opensshFingerprint(env.ssh.sshd.hostKey.publicPath);
  otherKey = makeKeyPair(env.ssh.dir, 'impostor');
  await env.call('procedures.save', { text: TOUCH });
});
afterAll(async () => {
  await env?.stop();
});

const runTouch = async () => {
  const { runId } = await env.call('runs.start', { procedureId: 'touch-marker', hosts: ['web'], params: { file: marker }, confirmations: ['web'] });
  return env.finished(runId);
};
const trustedFile = () => path.join(env.dataDir, 'known_hosts');

test('an unknown host fails with its fingerprint; trusting exactly that fingerprint remembers the key in the data dir', async () => {
  const empty = path.join(env.ssh.dir, 'empty_known_hosts');
  fs.writeFileSync(empty, '');
  await env.call('hosts.settings', { knownHostsFiles: [empty] });

  const refused = await runTouch();
  expect(refused.status).toBe('error');
  expect(refused.hostResults[0].hostKey).toEqual({ alias: 'web', status: 'unknown', keyType: 'ssh-ed25519', fingerprint: realFingerprint, expected: [], recordedIn: null });
  expect(refused.hostResults[0].error).toContain(realFingerprint);
  expect(refused.steps[0]).toMatchObject({ status: 'error', exitCode: null });
  expect(fs.existsSync(marker)).toBe(false);

  const check = await env.call('hosts.check', { alias: 'web' });
  expect(check).toMatchObject({ ok: false, hostKey: { status: 'unknown', fingerprint: realFingerprint } });

  // The wrong fingerprint trusts nothing and says what the host presents.
  await expect(env.call('hosts.trust', { alias: 'web', fingerprint: opensshFingerprint(otherKey.publicPath) })).rejects.toThrow(
    `now presents ${realFingerprint}`,
  );
  expect(fs.existsSync(trustedFile()) && fs.readFileSync(trustedFile(), 'utf8')).toBeFalsy();

  const trusted = await env.call('hosts.trust', { alias: 'web', fingerprint: realFingerprint });
  expect(trusted).toMatchObject({ trusted: true, fingerprint: realFingerprint });
  expect(fs.readFileSync(trustedFile(), 'utf8')).toBe(`[127.0.0.1]:${env.ssh.sshd.port} ssh-ed25519 ${env.ssh.sshd.hostKey.keyBase64}\n`);

  const ok = await runTouch();
  expect(ok.status).toBe('ok');
  expect(fs.existsSync(marker)).toBe(true);
  expect(await env.call('hosts.check', { alias: 'web' })).toMatchObject({ ok: true, hostKey: null, authenticatedWith: `key ${env.ssh.clientKey.privatePath}` });
});

test('a changed host key is refused with both fingerprints and cannot be trusted over', async () => {
  fs.rmSync(marker, { force: true });
  fs.rmSync(trustedFile(), { force: true });
  const forged = path.join(env.ssh.dir, 'forged_known_hosts');
  fs.writeFileSync(forged, `[127.0.0.1]:${env.ssh.sshd.port} ${otherKey.keyType} ${otherKey.keyBase64}\n`);
  await env.call('hosts.settings', { knownHostsFiles: [forged] });

  const refused = await runTouch();
  expect(refused.status).toBe('error');
  const problem = refused.hostResults[0].hostKey!;
  expect(problem).toMatchObject({ alias: 'web', status: 'changed', fingerprint: realFingerprint, expected: [`ssh-ed25519 ${opensshFingerprint(otherKey.publicPath)}`] });
  expect(problem.recordedIn).toBe(`${forged}:1`);
  expect(refused.error).toContain('HOST KEY CHANGED');
  expect(refused.error).toContain(realFingerprint);
  expect(refused.error).toContain(opensshFingerprint(otherKey.publicPath));
  expect(fs.existsSync(marker)).toBe(false);

  await expect(env.call('hosts.trust', { alias: 'web', fingerprint: realFingerprint })).rejects.toMatchObject({ code: 'conflict' });
  expect(fs.existsSync(trustedFile())).toBe(false);
  expect((await runTouch()).status).toBe('error');
  expect(fs.existsSync(marker)).toBe(false);
});
