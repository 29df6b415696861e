import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createEngine } from '../../main/engine/engine';
import { makeKeyPair, type KeyPair } from '../fixtures/sshd/keys';
import { hostBlock } from '../fixtures/sshd/ssh-env';
import { startRunsEnv, type RunsEnv } from './runs-env';

const PASSPHRASE = 'correct horse battery staple';
let env: RunsEnv;
let lockedKey: KeyPair;

beforeAll(async () => {
  const keys = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'trayage-keys-'));
  lockedKey = makeKeyPair(keys, 'id_locked', PASSPHRASE);
  env = await startRunsEnv({ extraAuthorized: [lockedKey.publicLine] });
  // An Include with a concrete host and a wildcard block, as real configs have.
  const extra = path.join(env.ssh.dir, 'config.d');
  fs.mkdirSync(extra);
  fs.writeFileSync(path.join(extra, 'db.conf'), `${hostBlock('db', env.ssh.sshd.port, env.ssh.user, env.ssh.clientKey.privatePath)}Host *.internal\n  User ops\n`);
  fs.appendFileSync(env.ssh.configPath, `\nInclude ${extra}/*.conf\n`);
  await env.call('procedures.save', {
    text: JSON.stringify({ id: 'whoami', title: 'Who am I', kind: 'diagnostic', steps: [{ title: 'id', command: 'echo I am $(id -un)' }] }),
  });
});
afterAll(async () => {
  await env?.stop();
  fs.rmSync(path.dirname(lockedKey.privatePath), { recursive: true, force: true });
});

test('hosts come from the ssh config (with its Includes) and from the app; app hosts resolve like config ones', async () => {
  const added = await env.call('hosts.add', { alias: 'locked', hostName: '127.0.0.1', port: env.ssh.sshd.port, user: env.ssh.user, identityFile: lockedKey.privatePath });
  expect(added.hosts.map((h) => [h.alias, h.source, h.port])).toEqual([
    ['locked', 'app', env.ssh.sshd.port],
    ['web', 'ssh-config', env.ssh.sshd.port],
    ['db', 'ssh-config', env.ssh.sshd.port],
  ]);
  expect(added.hosts[0].identityFiles).toEqual([lockedKey.privatePath]);
  expect(added).toMatchObject({ sshConfigPath: env.ssh.configPath, sshConfigExists: true, trustedKnownHostsFile: path.join(env.dataDir, 'known_hosts'), problem: null });
  // The user's file is never written to.
  expect(fs.readFileSync(env.ssh.configPath, 'utf8')).not.toContain('locked');

  await expect(env.call('hosts.add', { alias: 'web', hostName: '10.0.0.1' })).rejects.toThrow(`"web" is already a Host in ${env.ssh.configPath}`);
  await expect(env.call('hosts.add', { alias: 'locked', hostName: '10.0.0.1' })).rejects.toMatchObject({ code: 'conflict' });
  await expect(env.call('hosts.add', { alias: 'x', hostName: '10.0.0.1', identityFile: '/nope/id' })).rejects.toThrow(/does not exist/);
  await expect(env.call('hosts.add', { alias: 'bad alias', hostName: '10.0.0.1' } as never)).rejects.toThrow(/alias/);
  await expect(env.call('hosts.settings', { sshConfigPath: '/nope/config' })).rejects.toThrow(/does not exist/);

  // Hosts from the config still work alongside the app's.
  const { runId } = await env.call('runs.start', { procedureId: 'whoami', hosts: ['web', 'db'] });
  const run = await env.finished(runId);
  expect(run.status).toBe('ok');
  expect(run.hostResults.map((r) => [r.host, r.outcome])).toEqual([
    ['web', 'ok'],
    ['db', 'ok'],
  ]);
});

test('an encrypted key asks the windows for its passphrase, retries a wrong one, and never stores it', async () => {
  const before = env.events.length;
  const { runId } = await env.call('runs.start', { procedureId: 'whoami', hosts: ['locked'] });
  const nextRequest = async (count: number) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const asked = env.events.slice(before).filter((e) => e.event === 'runs.passphrase-needed');
      if (asked.length >= count) return asked[count - 1].payload as { requestId: string; alias: string; keyPath: string; attempt: number };
      if (Date.now() > deadline) throw new Error('no passphrase request');
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const first = await nextRequest(1);
  expect(first).toMatchObject({ alias: 'locked', keyPath: lockedKey.privatePath, attempt: 1 });
  expect(await env.call('runs.answerPassphrase', { requestId: first.requestId, passphrase: 'wrong' })).toEqual({ accepted: true });
  const second = await nextRequest(2);
  expect(second.attempt).toBe(2);
  await env.call('runs.answerPassphrase', { requestId: second.requestId, passphrase: PASSPHRASE });
  expect(await env.call('runs.answerPassphrase', { requestId: second.requestId, passphrase: PASSPHRASE })).toEqual({ accepted: false });

  const run = await env.finished(runId);
  expect(run.status).toBe('ok');
  expect((await env.call('runs.stepOutput', { runId, host: 'locked', stepIndex: 0 })).stdout).toBe(`I am ${env.ssh.user}\n`);
  expect(env.events.slice(before).filter((e) => e.event === 'runs.passphrase-settled').map((e) => (e.payload as { requestId: string }).requestId)).toEqual([
    first.requestId,
    second.requestId,
  ]);
  // Not in the database, its WAL, the generated ssh config or any output file.
  const files = fs.readdirSync(env.dataDir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  expect(files.length).toBeGreaterThan(2);
  for (const file of files) expect(fs.readFileSync(path.join(file.parentPath, file.name)).includes(PASSPHRASE)).toBe(false);
});

test('declining the passphrase skips the key and the run says which keys were tried', async () => {
  // Saving the settings gives later runs a fresh runner, so the open connection is not reused.
  await env.call('hosts.settings', {});
  const before = env.events.length;
  const { runId } = await env.call('runs.start', { procedureId: 'whoami', hosts: ['locked'] });
  const deadline = Date.now() + 5000;
  let request: { requestId: string } | undefined;
  while (!request) {
    if (Date.now() > deadline) throw new Error('no passphrase request');
    await new Promise((r) => setTimeout(r, 20));
    request = env.events.slice(before).find((e) => e.event === 'runs.passphrase-needed')?.payload as { requestId: string } | undefined;
  }
  await env.call('runs.answerPassphrase', { requestId: request.requestId, passphrase: null });
  const run = await env.finished(runId);
  expect(run.status).toBe('error');
  expect(run.error).toContain(`key ${lockedKey.privatePath} (skipped: no passphrase given)`);
  expect(run.steps[0].status).toBe('error');
});

test('a run left "running" by a process that died is marked interrupted when the engine starts', async () => {
  const dir = fs.mkdtempSync(path.join(env.ssh.dir, 'orphan-'));
  createEngine({ dataDir: dir, actor: 'ana', deliver: async () => {} }).close();
  const db = new Database(path.join(dir, 'trayage.db'));
  db.prepare(
    `INSERT INTO runs(procedure_id, title, kind, hosts, params, actor, status, started_at, output_dir, pid)
     VALUES ('probe', 'Probe', 'diagnostic', '["web"]', '{}', 'ana', 'running', 1, '', 2147483646)`,
  ).run();
  db.close();
  const engine = createEngine({ dataDir: dir, actor: 'ana', deliver: async () => {} });
  try {
    const reply = await engine.dispatch({ id: 1, method: 'runs.get', params: { runId: 1 } });
    expect(reply).toMatchObject({ result: { status: 'interrupted', error: 'The process running it stopped before it finished.' } });
  } finally {
    engine.close();
  }
});

test('closing the engine during a run stops the command and marks the run interrupted', async () => {
  const dir = fs.mkdtempSync(path.join(env.ssh.dir, 'closing-'));
  const open = () => createEngine({ dataDir: dir, actor: 'ana', areas: { hosts: { agentSocket: null } }, deliver: async () => {} });
  const engine = open();
  const call = async (method: string, params: unknown) => {
    const reply = await engine.dispatch({ id: 1, method, params });
    if ('error' in reply) throw new Error(reply.error.message);
    return reply.result as any;
  };
  await call('hosts.settings', { sshConfigPath: env.ssh.configPath, knownHostsFiles: [env.ssh.knownHostsPath] });
  await call('procedures.save', { text: 'id: nap\ntitle: Nap\nkind: resolution\nsteps:\n  - { title: Sleep, command: echo napping && sleep 30 }\n' });
  const { runId } = await call('runs.start', { procedureId: 'nap', hosts: ['web'] });
  const deadline = Date.now() + 5000;
  while ((await call('runs.get', { runId })).steps[0].status !== 'running') {
    if (Date.now() > deadline) throw new Error('the step never started');
    await new Promise((r) => setTimeout(r, 20));
  }
  engine.close();
  const again = open();
  try {
    const reply = await again.dispatch({ id: 1, method: 'runs.get', params: { runId } });
    expect(reply).toMatchObject({ result: { status: 'interrupted', error: 'Trayage was closed while it ran; the command was stopped.' } });
    expect((reply as any).result.steps[0].status).toBe('cancelled');
  } finally {
    again.close();
  }
});
