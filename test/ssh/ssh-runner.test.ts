import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HostKeyChangedError, HostKeyUnknownError } from '../../main/engine/lib/ssh/host-key-errors';
import { SshAuthError, SshConnectError } from '../../main/engine/lib/ssh/ssh-errors';
import type { OutputBatch } from '../../main/engine/lib/ssh/output-batcher';
import { startAgent } from '../fixtures/sshd/agent-fixture';
import { makeKeyPair, opensshFingerprint } from '../fixtures/sshd/keys';
import { hostBlock, startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';


let env: SshEnv;

beforeAll(async () => {
  env = await startSshEnv();
});
afterAll(async () => {
  await env?.stop();
});

function acceptedLogins(): number {
  return (env.sshd.log().match(/Accepted publickey/g) ?? []).length;
}

describe('authentication', () => {
  test('key file: runs a command and reuses one connection for later commands', async () => {
    const runner = env.runner();
    const before = acceptedLogins();
    const first = await runner.run('web', 'echo hello; echo oops >&2; exit 3');
    expect(first).toMatchObject({ status: 'exited', exitCode: 3, stdout: 'hello\n', stderr: 'oops\n', signal: null });
    const parallel = await Promise.all([1, 2, 3].map((n) => runner.run('web', `echo ${n}`)));
    expect(parallel.map((r) => r.stdout)).toEqual(['1\n', '2\n', '3\n']);
    expect(await runner.connect('web')).toMatchObject({ authenticatedWith: `key ${env.clientKey.privatePath}`, via: [] });
    expect(acceptedLogins() - before).toBe(1);
    runner.close();
  });

  test('ssh-agent: logs in with a key held only by the agent', async () => {
    const agentKey = makeKeyPair(env.dir, 'id_agent_only');
    fs.appendFileSync(path.join(env.sshd.dir, 'authorized_keys'), `${agentKey.publicLine}\n`);
    const agent = await startAgent();
    try {
      agent.add(agentKey.privatePath);
      const config = path.join(env.dir, 'agent_config');
      // No IdentityFile and a HOME-independent missing default: only the agent can succeed.
      fs.writeFileSync(config, hostBlock('viaagent', env.sshd.port, env.user, path.join(env.dir, 'no-such-key')));
      const runner = env.runner({ sshConfigPath: config, auth: { agentSocket: agent.socket } });
      const result = await runner.run('viaagent', 'echo agent-ok');
      expect(result.stdout).toBe('agent-ok\n');
      expect((await runner.connect('viaagent')).authenticatedWith).toBe(`ssh-agent (${agent.socket})`);
      runner.close();

      const withoutAgent = env.runner({ sshConfigPath: config, auth: { agentSocket: null } });
      const failure = await withoutAgent.run('viaagent', 'true').catch((err: Error) => err);
      expect(failure).toBeInstanceOf(SshAuthError);
      expect((failure as Error).message).toContain('no-such-key');
      expect((failure as Error).message).toContain('viaagent');
    } finally {
      await agent.stop();
    }
  });

  test('encrypted key: passphrase asked through the callback, retried when wrong', async () => {
    const locked = makeKeyPair(env.dir, 'id_locked', 'correct horse');
    fs.appendFileSync(path.join(env.sshd.dir, 'authorized_keys'), `${locked.publicLine}\n`);
    const config = path.join(env.dir, 'locked_config');
    fs.writeFileSync(config, hostBlock('locked', env.sshd.port, env.user, locked.privatePath));
    const asked: Array<{ keyPath: string; attempt: number }> = [];
    const runner = env.runner({
      sshConfigPath: config,
      connectTimeoutMs: 3000,
      auth: {
        agentSocket: null,
        askPassphrase: async ({ keyPath, attempt }) => {
          asked.push({ keyPath, attempt });
          return attempt === 1 ? 'wrong' : 'correct horse';
        },
      },
    });
    expect((await runner.run('locked', 'echo unlocked')).stdout).toBe('unlocked\n');
    expect(asked).toEqual([
      { keyPath: locked.privatePath, attempt: 1 },
      { keyPath: locked.privatePath, attempt: 2 },
    ]);
  });
});

describe('host keys', () => {
  test('unknown host: HostKeyUnknownError with the fingerprint ssh-keygen prints; nothing runs', async () => {
    const marker = path.join(env.dir, 'ran-on-unknown');
    const runner = env.runner({ knownHostsFiles: [path.join(env.dir, 'empty_known_hosts')] });
    const error = await runner.run('web', `touch ${marker}`).catch((err: Error) => err);
    expect(error).toBeInstanceOf(HostKeyUnknownError);
    expect((error as HostKeyUnknownError).fingerprint).toBe(opensshFingerprint(env.sshd.hostKey.publicPath));
    expect((error as HostKeyUnknownError).facts).toMatchObject({ alias: 'web', host: '127.0.0.1', port: env.sshd.port });
    expect(fs.existsSync(marker)).toBe(false);

    // Accepting the prompt = passing the fingerprint; the key lands in the app's own file.
    const trusted = env.runner({
      knownHostsFiles: [path.join(env.dir, 'empty_known_hosts')],
      trustFingerprints: [(error as HostKeyUnknownError).fingerprint],
    });
    expect((await trusted.run('web', 'echo trusted')).stdout).toBe('trusted\n');
    expect(fs.readFileSync(env.trustedPath, 'utf8')).toContain(`[127.0.0.1]:${env.sshd.port} ssh-ed25519 ${env.sshd.hostKey.keyBase64}`);
    fs.rmSync(env.trustedPath);
  });

  test('changed host key: refused with both fingerprints; nothing runs', async () => {
    const impostor = makeKeyPair(env.dir, 'impostor');
    const file = path.join(env.dir, 'changed_known_hosts');
    fs.writeFileSync(file, `[127.0.0.1]:${env.sshd.port} ${impostor.keyType} ${impostor.keyBase64}\n`);
    const marker = path.join(env.dir, 'ran-on-changed');
    const runner = env.runner({ knownHostsFiles: [file], trustFingerprints: [opensshFingerprint(env.sshd.hostKey.publicPath)] });
    const error = await runner.run('web', `touch ${marker}`).catch((err: Error) => err);
    expect(error).toBeInstanceOf(HostKeyChangedError);
    expect((error as Error).message).toContain(opensshFingerprint(impostor.publicPath));
    expect((error as Error).message).toContain(opensshFingerprint(env.sshd.hostKey.publicPath));
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(env.trustedPath)).toBe(false);
  });

  test('connection refused names the alias and address', async () => {
    const config = path.join(env.dir, 'closed_config');
    fs.writeFileSync(config, hostBlock('closed', 1, env.user, env.clientKey.privatePath));
    const error = await env.runner({ sshConfigPath: config }).run('closed', 'true').catch((err: Error) => err);
    expect(error).toBeInstanceOf(SshConnectError);
    expect((error as Error).message).toMatch(/"closed" \(127\.0\.0\.1:1\): connection refused/);
  });
});

describe('commands', () => {
  test('signal, timeout and cancel are reported as such', async () => {
    const runner = env.runner();
    const killed = await runner.run('web', 'kill -TERM $$');
    expect(killed).toMatchObject({ status: 'signalled', exitCode: null, signal: 'SIGTERM' });

    const started = Date.now();
    const timedOut = await runner.run('web', 'echo before; sleep 30; echo after', { timeoutMs: 400 });
    expect(timedOut.status).toBe('timeout');
    expect(timedOut.stdout).toBe('before\n');
    // Well short of the 30 s the command would take, with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(15_000);

    const controller = new AbortController();
    const cancelled = runner.run('web', 'echo go; sleep 30', {
      signal: controller.signal,
      onOutput: (batch) => batch.stdout.includes('go') && controller.abort(),
    });
    const result = await cancelled;
    expect(result.status).toBe('cancelled');
    expect(result.durationMs).toBeLessThan(15_000);
    // The connection stays usable after a closed channel.
    expect((await runner.run('web', 'echo still-here')).stdout).toBe('still-here\n');
  });

  test('50 MB of output arrives in bounded batches and a bounded result', async () => {
    const runner = env.runner();
    const batches: OutputBatch[] = [];
    let total = 0;
    let maxBatch = 0;
    const started = Date.now();
    const result = await runner.run('web', 'yes 0123456789abcdef | head -c 52428800', {
      onOutput: (batch) => {
        batches.push({ stdout: '', stderr: '', bytes: batch.bytes });
        total += batch.stdout.length;
        maxBatch = Math.max(maxBatch, batch.bytes);
      },
    });
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ status: 'exited', exitCode: 0, stdoutBytes: 52_428_800, truncated: true });
    expect(total).toBe(52_428_800);
    // One batch per 64 KiB (plus one packet of overshoot) or per 50 ms, never per packet.
    expect(maxBatch).toBeLessThanOrEqual(64 * 1024 + 32 * 1024);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(52_428_800 / 65_536) + Math.ceil(elapsed / 50) + 2);
    expect(result.stdout.length).toBeLessThan(600 * 1024);
    expect(result.stdout.startsWith('0123456789abcdef\n')).toBe(true);
    expect(result.stdout).toContain('characters omitted');
  });
});
