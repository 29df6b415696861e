import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { HostKeyUnknownError } from '../../main/engine/lib/ssh/host-key-errors';
import { SshConnectError } from '../../main/engine/lib/ssh/ssh-errors';
import { startSshd, type Sshd } from '../fixtures/sshd/sshd-fixture';
import { hostBlock, startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';


// env.sshd is the jump host (it logs forwarding requests at DEBUG1); target is a second sshd.
let env: SshEnv;
let target: Sshd;

beforeAll(async () => {
  env = await startSshEnv({ logLevel: 'DEBUG1' });
  target = await startSshd({ authorizedKeys: [env.clientKey.publicLine] });
});
afterAll(async () => {
  await target?.stop();
  await env?.stop();
});

function writeConfig(name: string, targetExtra: string[]): string {
  const config = path.join(env.dir, name);
  fs.writeFileSync(
    config,
    hostBlock('bastion', env.sshd.port, env.user, env.clientKey.privatePath) +
      hostBlock('inner', target.port, env.user, env.clientKey.privatePath, targetExtra),
  );
  return config;
}

test('ProxyJump: the command runs on the target through the jump host, both host keys checked', async () => {
  const config = writeConfig('jump_config', ['ProxyJump bastion']);
  fs.appendFileSync(env.knownHostsPath, `${target.knownHostsLine}\n`);
  const runner = env.runner({ sshConfigPath: config });
  const result = await runner.run('inner', 'echo "$SSH_CONNECTION"');
  expect(result.status).toBe('exited');
  // sshd reports the server side of the connection: the target's port.
  expect(result.stdout.trim().split(' ')[3]).toBe(String(target.port));
  expect(await runner.connect('inner')).toMatchObject({ via: ['bastion'] });
  // The jump sshd opened the tunnel to the target: proof the traffic went through it.
  expect(env.sshd.log()).toMatch(new RegExp(`server_request_direct_tcpip: .*target 127\\.0\\.0\\.1 port ${target.port}\\b`));
  runner.close();
});

test('an unknown target behind a known jump host is still refused', async () => {
  const config = writeConfig('jump_config_2', ['ProxyJump bastion']);
  const knownJumpOnly = path.join(env.dir, 'jump_only_known_hosts');
  fs.writeFileSync(knownJumpOnly, `${env.sshd.knownHostsLine}\n`);
  const error = await env.runner({ sshConfigPath: config, knownHostsFiles: [knownJumpOnly] }).run('inner', 'true').catch((e: Error) => e);
  expect(error).toBeInstanceOf(HostKeyUnknownError);
  expect((error as HostKeyUnknownError).facts.port).toBe(target.port);
});

test('a jump host that cannot reach the target says which hop failed', async () => {
  const config = path.join(env.dir, 'jump_config_3');
  fs.writeFileSync(
    config,
    hostBlock('bastion', env.sshd.port, env.user, env.clientKey.privatePath) +
      hostBlock('nowhere', 1, env.user, env.clientKey.privatePath, ['ProxyJump bastion']),
  );
  const error = await env.runner({ sshConfigPath: config }).run('nowhere', 'true').catch((e: Error) => e);
  expect(error).toBeInstanceOf(SshConnectError);
  expect((error as Error).message).toContain('Jump host "bastion"');
  expect((error as Error).message).toContain('127.0.0.1:1');
});
