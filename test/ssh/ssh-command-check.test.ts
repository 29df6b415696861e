import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { firstNumber, runSshCommandCheck } from '../../main/engine/lib/ssh/ssh-command-check';
import { startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';


let env: SshEnv;

beforeAll(async () => {
  env = await startSshEnv();
});
afterAll(async () => {
  await env?.stop();
});

test('df --output=pcent / yields the disk percentage as the value', async () => {
  const local = Number(execFileSync('df', ['--output=pcent', '/'], { encoding: 'utf8' }).match(/\d+/)![0]);
  const result = await runSshCommandCheck({ host: 'web', command: 'df --output=pcent /', timeoutMs: 5000 }, env.runner());
  expect(result).toMatchObject({ exitCode: 0, value: local });
  expect(result.stdout).toMatch(/Use%/);
});

test('exit code and output without a number', async () => {
  const result = await runSshCommandCheck({ host: 'web', command: 'echo degraded; exit 2', timeoutMs: 5000 }, env.runner());
  expect(result).toMatchObject({ exitCode: 2, stdout: 'degraded\n' });
  expect(result.value).toBeUndefined();
  expect(result.error).toBeUndefined();
});

test('timeouts and connection problems are results, not exceptions', async () => {
  const runner = env.runner();
  const slow = await runSshCommandCheck({ host: 'web', command: 'sleep 2', timeoutMs: 200 }, runner);
  expect(slow).toMatchObject({ exitCode: null, errorKind: 'timeout' });
  const unknown = await runSshCommandCheck(
    { host: 'web', command: 'true', timeoutMs: 2000 },
    env.runner({ knownHostsFiles: [path.join(env.dir, 'none')] }),
  );
  expect(unknown.errorKind).toBe('host-key-unknown');
  expect(unknown.error).toMatch(/SHA256:/);
});

test('firstNumber reads the first number, decimals and signs included', () => {
  expect(firstNumber('Use%\n 85%\n')).toBe(85);
  expect(firstNumber('load: -0.5 1 2')).toBe(-0.5);
  expect(firstNumber('Mem: 80.25% used')).toBe(80.25);
  expect(firstNumber('none')).toBeUndefined();
});
