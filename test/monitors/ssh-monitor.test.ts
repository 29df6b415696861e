import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/engine/engine';
import { RunnerProvider } from '../../main/engine/hosts/runner-provider';
import { createDefaultRegistry, runCheck } from '../../main/engine/monitors/checks/kind-registry';
import { makeKeyPair, opensshFingerprint } from '../fixtures/sshd/keys';
import { hostBlock, startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';
import { CLI } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { defineMonitor } from './helpers/define-monitor';

let ssh: SshEnv;
let dataDir: string;

// The data dir holds what the app set up: the sshd's ssh config and known_hosts as the SSH
// settings, and a host added in the app. `trayage check --data-dir` resolves hosts through them.
beforeAll(async () => {
  ssh = await startSshEnv();
  dataDir = tempDir('trayage-ssh-monitor-');
  const engine = createEngine({ dataDir, actor: 'ana', deliver: async () => {} });
  const call = (method: string, params: unknown) => engine.dispatch({ id: 1, method, params });
  await call('hosts.settings', { sshConfigPath: ssh.configPath, knownHostsFiles: [ssh.knownHostsPath] });
  await call('hosts.add', { alias: 'also-web', hostName: '127.0.0.1', port: ssh.sshd.port, user: ssh.user, identityFile: ssh.clientKey.privatePath });
  engine.close();
});
afterAll(async () => {
  await ssh?.stop();
  if (dataDir) removeDir(dataDir);
});

// Asynchronous and without ssh-agent, so only the configured identity file authenticates.
function check(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, 'check', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SSH_AUTH_SOCK: '' } });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => (stdout += c));
    proc.stderr.on('data', (c) => (stderr += c));
    proc.on('exit', (status) => resolve({ status, stdout, stderr, ms: Date.now() - started }));
  });
}

function writeConfig(name: string, lines: string[]): string {
  const file = path.join(ssh.dir, name);
  fs.writeFileSync(file, ['monitors:', ...lines, ''].join('\n'));
  return file;
}

const answer = ['  - name: answer', '    kind: ssh', '    host: web', '    command: echo 42', '    conditions: ["[VALUE] < 85"]'];

describe('kind: ssh through trayage check', () => {
  it('judges exit code, stdout and the first number of the output', async () => {
    const config = writeConfig('ssh.yaml', [
      ...answer,
      '  - name: too high',
      '    kind: ssh',
      '    host: web',
      '    command: echo 42',
      '    conditions: ["[VALUE] < 10"]',
      '  - name: fails',
      '    kind: ssh',
      '    host: web',
      '    command: "false"',
      '  - name: greeting',
      '    kind: ssh',
      '    host: also-web',
      '    command: echo hello world; echo to stderr >&2',
      '    conditions: ["[STDOUT] contains world", "[STDOUT] == pat(hello*)", "[EXIT_CODE] == 0"]',
      '  - name: no number',
      '    kind: ssh',
      '    host: web',
      '    command: echo none',
      '    conditions: ["[VALUE] < 85"]',
      '  - name: root disk',
      '    kind: ssh',
      '    host: web',
      '    command: df --output=pcent / | tail -1',
      '    timeout: 5s',
      '    conditions: ["[VALUE] <= 100"]',
    ]);
    const result = await check('--config', config, '--data-dir', dataDir);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')).toEqual([
      expect.stringMatching(/^up {4}answer {2}\d+ ms$/),
      expect.stringMatching(/^DOWN {2}too high {2}\d+ ms {2}\[VALUE\] was 42, expected < 10$/),
      expect.stringMatching(/^DOWN {2}fails {2}\d+ ms {2}\[EXIT_CODE\] was 1, expected 0$/),
      expect.stringMatching(/^up {4}greeting {2}\d+ ms$/),
      expect.stringMatching(/^DOWN {2}no number {2}\d+ ms {2}\[VALUE\] is unknown: the command printed no number$/),
      expect.stringMatching(/^up {4}root disk {2}\d+ ms$/),
      '',
    ]);
    expect(result.status).toBe(1);
  });

  it('is down, not trusting, when the host key is unknown, and says what to do', async () => {
    const empty = path.join(ssh.dir, 'empty_known_hosts');
    fs.writeFileSync(empty, '');
    const config = writeConfig('answer.yaml', answer);
    const result = await check('--config', config, '--data-dir', dataDir, '--known-hosts', empty, '--json');
    expect(result.status).toBe(1);
    const [down] = JSON.parse(result.stdout);
    expect(down).toMatchObject({ name: 'answer', ok: false, failedConditions: [] });
    expect(down.error).toContain(`"web" ([127.0.0.1]:${ssh.sshd.port})`);
    expect(down.error).toContain('it is not in known_hosts');
    expect(down.error).toContain(opensshFingerprint(ssh.sshd.hostKey.publicPath));
    expect(down.error).toContain('Monitors never trust a host key themselves');
    // Nothing was written to the data dir's trusted keys.
    expect(fs.existsSync(path.join(dataDir, 'known_hosts'))).toBe(false);
  });

  it('refuses a host whose key changed', async () => {
    const impostor = makeKeyPair(ssh.dir, 'impostor');
    const changed = path.join(ssh.dir, 'changed_known_hosts');
    fs.writeFileSync(changed, `[127.0.0.1]:${ssh.sshd.port} ${impostor.keyType} ${impostor.keyBase64}\n`);
    const config = writeConfig('answer.yaml', answer);
    const result = await check('--config', config, '--ssh-config', ssh.configPath, '--known-hosts', changed, '--data-dir', dataDir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^DOWN {2}answer {2}\d+ ms {2}HOST KEY CHANGED for "web"/);
    expect(result.stdout).toContain(opensshFingerprint(impostor.publicPath));
  });

  it('bounds a run, connecting included, by the monitor timeout and exits promptly', async () => {
    // Accepts connections and never says a word, like a hung sshd.
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const sshConfig = path.join(ssh.dir, 'silent_config');
    fs.writeFileSync(sshConfig, fs.readFileSync(ssh.configPath, 'utf8') + hostBlock('silent', (silent.address() as net.AddressInfo).port, ssh.user));
    const config = writeConfig('slow.yaml', [
      ...['  - name: slow', '    kind: ssh', '    host: web', '    command: sleep 20', '    timeout: 1s'],
      ...['  - name: hung', '    kind: ssh', '    host: silent', '    command: uptime', '    timeout: 1s'],
    ]);
    try {
      const result = await check('--config', config, '--ssh-config', sshConfig, '--known-hosts', ssh.knownHostsPath, '--data-dir', dataDir);
      expect(result.status).toBe(1);
      expect(result.stdout.split('\n')).toEqual([
        expect.stringMatching(/^DOWN {2}slow {2}\d+ ms {2}"sleep 20" on web did not finish within 1s \(connecting included\)$/),
        expect.stringMatching(/^DOWN {2}hung {2}\d+ ms {2}"uptime" on silent did not finish within 1s \(connecting included\)$/),
        '',
      ]);
      // The runner's own connect timeout is 15 s; closing it gives up the hung connection at once.
      expect(result.ms).toBeLessThan(12_000);
    } finally {
      silent.close();
    }
  });

  it('names file:line:column and the field of a broken ssh monitor', async () => {
    const config = writeConfig('broken.yaml', ['  - name: disk', '    kind: ssh', '    host: web 2', '    command: df']);
    const result = await check('--config', config);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${config}:4:5: monitor 'disk': host 'web 2' is not an SSH host`);
    const missing = writeConfig('missing.yaml', ['  - name: disk', '    kind: ssh', '    host: web']);
    expect((await check('--config', missing)).stderr).toContain(`${missing}:2:5: monitor 'disk': command is missing`);
    const condition = writeConfig('condition.yaml', ['  - name: disk', '    kind: ssh', '    host: web', '    command: df', '    conditions: ["[EXIT_CODE] == zero"]']);
    expect((await check('--config', condition)).stderr).toContain(`${condition}:6:34: monitor 'disk': condition "[EXIT_CODE] == zero": [EXIT_CODE] compares with a number, not 'zero'`);
  });
});

describe('kind: ssh in the engine', () => {
  it('reuses one SSH connection for the checks of a monitor', async () => {
    const runners = new RunnerProvider(() => ssh.runner());
    const registry = createDefaultRegistry({ ssh: runners });
    const monitor = defineMonitor({ kind: 'ssh', host: 'web', command: 'echo 42', conditions: ['[VALUE] < 85'] }, registry);
    const logins = () => ssh.sshd.log().match(/Accepted publickey/g)?.length ?? 0;
    const before = logins();
    try {
      const first = await runCheck(monitor, registry, { now: Date.now });
      const second = await runCheck(monitor, registry, { now: Date.now });
      expect([first.ok, second.ok]).toEqual([true, true]);
      expect(second.value).toBe(42);
      expect(logins() - before).toBe(1);
    } finally {
      registry.close();
      runners.close();
    }
  });

  it('is down with the reason when no SSH connections were provided', async () => {
    const registry = createDefaultRegistry();
    const monitor = defineMonitor({ kind: 'ssh', host: 'web', command: 'uptime' }, registry);
    const result = await runCheck(monitor, registry, { now: Date.now });
    expect(result).toMatchObject({ ok: false, errorKind: 'internal', error: expect.stringContaining('SSH monitors cannot run in this process') });
  });
});
