import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createEngine } from '../../main/engine/engine';
import { type KeyPair, makeKeyPair, makeTempDir, opensshFingerprint } from '../fixtures/sshd/keys';
import { hostBlock, startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { cli, startCli } from './cli-process';

let ssh: SshEnv;
let dataDir: string;
let work: string;
let incidentId: number;
let lockedKey: KeyPair;

const TIDY = `
id: tidy
title: Tidy the scratch dir
kind: resolution
params: [{ name: dir, label: Directory }]
steps:
  - { title: List, command: 'ls {{dir}}' }
  - { title: Remove junk, command: 'rm -rf {{dir}}/junk' }
`;
// The host of the guarded step is picked from the first step's output, so it is known only during the run.
const HOP = `
id: hop
title: Clean where the list says
kind: resolution
params:
  - { name: dir, label: Directory }
  - { name: target, label: Host to clean }
steps:
  - { title: Which host, command: 'echo web', capture: { param: target, pick: 0 } }
  - { title: Remove junk, host: '{{target}}', command: 'rm -rf {{dir}}/junk' }
`;
const SLOW = `
id: slow
title: Wait a while
kind: resolution
steps:
  - { title: Sleep, command: 'echo sleeping && sleep 30', timeout: 60 }
`;

// The data dir as the app leaves it: ssh settings, the team's procedures, an open incident.
// "stranger" is the same sshd under a HostKeyAlias no known_hosts file has; "locked" logs in with
// a passphrase-protected key only.
beforeAll(async () => {
  lockedKey = makeKeyPair(makeTempDir('locked-key'), 'id_locked', 'correct horse');
  ssh = await startSshEnv({ extraAuthorized: [lockedKey.publicLine] });
  dataDir = tempDir('trayage-cli-audit-');
  work = path.join(ssh.dir, 'work');
  fs.mkdirSync(work);
  fs.appendFileSync(ssh.configPath, hostBlock('stranger', ssh.sshd.port, ssh.user, ssh.clientKey.privatePath, ['HostKeyAlias stranger.example']));
  const engine = createEngine({ dataDir, actor: 'ana', deliver: async () => {} });
  const call = (method: string, params: unknown) => engine.dispatch({ id: 1, method, params });
  await call('hosts.settings', { sshConfigPath: ssh.configPath, knownHostsFiles: [ssh.knownHostsPath] });
  for (const text of [TIDY, HOP, SLOW]) await call('procedures.save', { text });
  await call('hosts.add', { alias: 'locked', hostName: '127.0.0.1', port: ssh.sshd.port, user: ssh.user, identityFile: lockedKey.privatePath });
  engine.close();
  const declared = await cli('declare', '--title', 'Disk full on web', '--severity', 'P2', '--data-dir', dataDir);
  incidentId = Number(declared.stdout.trim());
});
afterAll(async () => {
  await ssh?.stop();
  removeDir(dataDir);
  removeDir(path.dirname(lockedKey.privatePath));
});

async function runs(...args: string[]) {
  const listed = await cli('runs', '--json', '--data-dir', dataDir, ...args);
  expect(listed.code).toBe(0);
  return JSON.parse(listed.stdout);
}

async function timeline(id: number) {
  const engine = createEngine({ dataDir, background: false });
  try {
    const reply = await engine.dispatch({ id: 1, method: 'incidents.get', params: { id } });
    if (!('result' in reply)) throw new Error(JSON.stringify(reply));
    return (reply.result as { timeline: { kind: string; text: string; data?: Record<string, unknown> }[] }).timeline.filter((e) => e.kind === 'run');
  } finally {
    engine.close();
  }
}

test('a run from the command line is kept like one from the app: run rows, output files, the incident timeline', async () => {
  fs.mkdirSync(path.join(work, 'junk'), { recursive: true });
  const ran = await cli('run', 'tidy', '--host', 'web', '--param', `dir=${work}`, '--confirm', 'web', '--incident', String(incidentId), '--data-dir', dataDir);
  expect(ran.code).toBe(0);
  expect(ran.stdout).toContain(`▸ [1/2] List @ web\n$ ls '${work}'\njunk\n✓ exit 0`);
  expect(ran.stdout).toContain(`▸ [2/2] Remove junk @ web\n$ rm -rf '${work}'/junk\n✓ exit 0`);
  expect(ran.stdout).toContain(`✓ Tidy the scratch dir on web: ok (run #1, in incident #${incidentId}'s timeline)`);
  expect(fs.existsSync(path.join(work, 'junk'))).toBe(false);

  expect(await runs()).toEqual([
    {
      id: 1,
      procedure: 'tidy',
      title: 'Tidy the scratch dir',
      host: 'web',
      outcome: 'ok',
      startedAt: expect.any(Number),
      finishedAt: expect.any(Number),
      incidentId,
      steps: [
        { title: 'List', host: 'web', command: `ls '${work}'`, status: 'ok', exitCode: 0 },
        { title: 'Remove junk', host: 'web', command: `rm -rf '${work}'/junk`, status: 'ok', exitCode: 0 },
      ],
    },
  ]);
  expect(fs.readFileSync(path.join(dataDir, 'runs', '1', 'web-step01.log'), 'utf8')).toBe('junk\n');

  const entries = await timeline(incidentId);
  expect(entries.map((e) => e.text.split('\n')[0])).toEqual([
    'Started resolution "Tidy the scratch dir" on web (run #1)',
    expect.stringMatching(/^web · step 1\/2 ✓ List — exit 0 in (\d+ ms|\d+\.\d s)$/),
    expect.stringMatching(/^web · step 2\/2 ✓ Remove junk — exit 0 in (\d+ ms|\d+\.\d s)$/),
    'Run #1 "Tidy the scratch dir" succeeded — 2/2 steps ok on web',
  ]);
  expect(entries[2].data).toMatchObject({ command: `rm -rf '${work}'/junk`, exitCode: 0, confirmedWith: 'web' });

  const table = await cli('runs', '--incident', String(incidentId), '--data-dir', dataDir);
  expect(table.stdout).toMatch(new RegExp(`^#1\\s+ok\\s+0m\\s+tidy\\s+web\\s+incident #${incidentId}\\s+\\S+\\s+Tidy the scratch dir\\n$`));
  expect((await cli('runs', '--incident', '99', '--data-dir', dataDir)).stdout).toBe('No runs for incident #99.\n');
});

test('a destructive step without --confirm, or with another host, exits 4 and nothing runs', async () => {
  fs.mkdirSync(path.join(work, 'junk'), { recursive: true });
  const before = (await runs()).length;
  const missing = await cli('run', 'tidy', '--host', 'web', '--param', `dir=${work}`, '--incident', String(incidentId), '--data-dir', dataDir);
  expect(missing.code).toBe(4);
  expect(missing.stderr).toContain(`$ rm -rf '${work}'/junk`);
  expect(missing.stderr).toContain('rerun with --confirm web');

  const wrong = await cli('run', 'tidy', '--host', 'web', '--param', `dir=${work}`, '--confirm', 'prod', '--data-dir', dataDir);
  expect(wrong.code).toBe(4);
  expect(wrong.stderr).toContain('--confirm prod does not name the host these steps run on');
  expect(wrong.stderr).toContain('rerun with --confirm web');

  expect(fs.existsSync(path.join(work, 'junk'))).toBe(true);
  expect(await runs()).toHaveLength(before);
});

test('a guarded step on a host known only during the run stops the run before it unless --confirm named that host', async () => {
  fs.mkdirSync(path.join(work, 'junk'), { recursive: true });
  const args = ['run', 'hop', '--host', 'web', '--param', `dir=${work}`, '--data-dir', dataDir];
  const stopped = await cli(...args, '--confirm', 'prod');
  expect(stopped.code).toBe(4);
  expect(stopped.stdout).toContain('{{target}} = web');
  expect(stopped.stderr).toContain('Stopped before step 2 "Remove junk" on web');
  expect(stopped.stderr).toContain('rerun with --confirm web');
  expect(fs.existsSync(path.join(work, 'junk'))).toBe(true);
  expect((await runs())[0]).toMatchObject({ procedure: 'hop', outcome: 'refused', steps: [{ exitCode: 0 }, { status: 'refused', exitCode: null }] });

  const confirmed = await cli(...args, '--confirm', 'web');
  expect(confirmed.code).toBe(0);
  expect(fs.existsSync(path.join(work, 'junk'))).toBe(false);
});

test('an unknown host key exits 3 with the fingerprint and the command to trust it; the attempt is kept', async () => {
  fs.mkdirSync(path.join(work, 'junk'), { recursive: true });
  const fingerprint = opensshFingerprint(ssh.sshd.hostKey.publicPath);
  const args = ['run', 'tidy', '--host', 'stranger', '--param', `dir=${work}`, '--confirm', 'stranger', '--incident', String(incidentId), '--data-dir', dataDir];
  const unknown = await cli(...args);
  expect(unknown.code).toBe(3);
  expect(unknown.stderr).toContain(`"stranger" is not in known_hosts; it presents ssh-ed25519 ${fingerprint}`);
  expect(unknown.stderr).toContain(`rerun with --trust ${fingerprint}`);
  expect(fs.existsSync(path.join(work, 'junk'))).toBe(true);
  const [attempt] = await runs();
  expect(attempt).toMatchObject({ procedure: 'tidy', host: 'stranger', outcome: 'error', incidentId });
  expect(attempt.steps.map((s: { exitCode: number | null }) => s.exitCode)).toEqual([null, null]);
  expect((await timeline(incidentId)).at(-1)!.text).toMatch(/^Run #\d+ "Tidy the scratch dir" ended: error/);

  const trusted = await cli(...args, '--trust', fingerprint);
  expect(trusted.code).toBe(0);
  expect(trusted.stderr).toContain(`Trusted ${fingerprint} for "stranger"`);
  expect(fs.readFileSync(path.join(dataDir, 'known_hosts'), 'utf8')).toContain(`[stranger.example]:${ssh.sshd.port} ssh-ed25519 ${ssh.sshd.hostKey.keyBase64}`);
  expect(fs.existsSync(path.join(work, 'junk'))).toBe(false);
});

test('off a terminal an encrypted key is skipped at once instead of waiting for a window to ask', async () => {
  const started = Date.now();
  const res = await cli('run', 'slow', '--host', 'locked', '--data-dir', dataDir);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(res.code).toBe(1);
  expect(res.stdout).toContain(`key ${lockedKey.privatePath} (skipped: no passphrase given)`);
});

test('Ctrl-C cancels the run through the engine and exits 1; the run is kept as cancelled', async () => {
  const { proc, result } = startCli(['run', 'slow', '--host', 'web', '--data-dir', dataDir]);
  let seen = '';
  await new Promise<void>((resolve) =>
    proc.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('sleeping')) resolve();
    }),
  );
  const sent = Date.now();
  proc.kill('SIGINT');
  const { code, stdout, stderr } = await result;
  expect(Date.now() - sent).toBeLessThan(10_000);
  expect(code).toBe(1);
  expect(stderr).toContain('Cancelling the run…');
  expect(stdout).toMatch(/✗ Wait a while on web: cancelled \(run #\d+\)/);
  expect((await runs())[0]).toMatchObject({ procedure: 'slow', outcome: 'cancelled', steps: [{ title: 'Sleep', status: 'cancelled' }] });
});

test('an incident that does not exist is refused before anything runs; runs has its own usage errors', async () => {
  const before = (await runs()).length;
  const res = await cli('run', 'slow', '--host', 'web', '--incident', '99', '--data-dir', dataDir);
  expect(res).toMatchObject({ code: 1, stderr: 'There is no incident #99.\n' });
  expect(await runs()).toHaveLength(before);
  expect((await cli('run', 'slow', '--host', 'web', '--incident', 'x', '--data-dir', dataDir)).code).toBe(2);
  expect((await cli('runs', '--incident', 'two', '--data-dir', dataDir)).stderr).toMatch(/^--incident must be an incident number.*\nUsage: trayage runs/);
});
