import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEngine } from '../../main/engine/engine';
import { cli as trayage } from '../cli/cli-process';
import { makeKeyPair, opensshFingerprint } from '../fixtures/sshd/keys';
import { startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';

let env: SshEnv;
let work: string;
let dataDir: string;

// The procedures are the team's own, saved in the data dir as the SSH window saves them.
const PROCEDURES = [
  `id: touch-then-fail
title: Touch, then fail
kind: resolution
params: [{ name: dir, label: Directory }]
steps:
  - { title: Touch, command: 'touch {{dir}}/touched && echo touched' }
  - { title: Fail, command: 'echo nope >&2; exit 5' }
  - { title: Never, command: 'touch {{dir}}/never' }
`,
  `id: cleanup
title: Clean up
kind: resolution
params: [{ name: dir, label: Directory }]
steps:
  - { title: Before, command: 'touch {{dir}}/cleanup-started' }
  - { title: Delete, command: 'rm -rf {{dir}}/junk' }
`,
];

beforeAll(async () => {
  env = await startSshEnv();
  work = path.join(env.dir, 'work');
  dataDir = path.join(env.dir, 'data');
  fs.mkdirSync(work);
  const engine = createEngine({ dataDir, actor: 'ana', deliver: async () => {} });
  for (const text of PROCEDURES) await engine.dispatch({ id: 1, method: 'procedures.save', params: { text } });
  engine.close();
});
afterAll(async () => {
  await env?.stop();
});

function cli(args: string[]) {
  const common = ['--data-dir', dataDir, '--ssh-config', env.configPath, ...(args.includes('--known-hosts') ? [] : ['--known-hosts', env.knownHostsPath])];
  return trayage(...args, ...common);
}

describe('trayage run', () => {
  test('success prints each step; a failed step exits 1 and later steps do not run', async () => {
    const { code, stdout } = await cli(['run', 'touch-then-fail', '--host', 'web', '--confirm', 'web', '--param', `dir=${work}`]);
    expect(code).toBe(1);
    expect(stdout).toContain(`$ touch '${work}'/touched && echo touched`);
    expect(stdout).toContain('touched\n✓ exit 0');
    expect(stdout).toContain('✗ exit 5');
    // The engine streams a step's stdout and stderr as one text; --json keeps them apart.
    expect(stdout).toContain('nope');
    expect(fs.existsSync(path.join(work, 'touched'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'never'))).toBe(false);
  });

  test('--json prints the documented shape', async () => {
    const { code, stdout } = await cli(['run', 'touch-then-fail', '--host', 'web', '--confirm', 'web', '--param', `dir=${work}`, '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    expect(report).toMatchObject({ procedure: 'touch-then-fail', host: 'web', ok: false, outcome: 'failed' });
    expect(report.steps[0]).toMatchObject({ title: 'Touch', command: `touch '${work}'/touched && echo touched`, exitCode: 0, stdout: 'touched\n', stderr: '' });
    expect(report.steps[1]).toMatchObject({ title: 'Fail', exitCode: 5, stderr: 'nope\n' });
    expect(typeof report.steps[0].durationMs).toBe('number');
    expect(report.steps[2]).toMatchObject({ title: 'Never', status: 'skipped', exitCode: null });
  });

  test('a destructive step without --confirm HOST exits 4 before anything runs', async () => {
    fs.mkdirSync(path.join(work, 'junk'), { recursive: true });
    const refused = await cli(['run', 'cleanup', '--host', 'web', '--param', `dir=${work}`]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain(`rm -rf '${work}'/junk`);
    expect(refused.stderr).toContain('--confirm web');
    expect(fs.existsSync(path.join(work, 'cleanup-started'))).toBe(false);

    const wrongHost = await cli(['run', 'cleanup', '--host', 'web', '--param', `dir=${work}`, '--confirm', 'prod']);
    expect(wrongHost.code).toBe(4);
    expect(fs.existsSync(path.join(work, 'junk'))).toBe(true);

    const confirmed = await cli(['run', 'cleanup', '--host', 'web', '--param', `dir=${work}`, '--confirm', 'web']);
    expect(confirmed.code).toBe(0);
    expect(fs.existsSync(path.join(work, 'junk'))).toBe(false);
  });

  test('unknown host prints its fingerprint and exits 3 until --trust names it; then it is remembered', async () => {
    const empty = path.join(env.dir, 'empty_known_hosts');
    const fingerprint = opensshFingerprint(env.sshd.hostKey.publicPath);
    const unknown = await cli(['run', 'touch-then-fail', '--host', 'web', '--confirm', 'web', '--param', `dir=${work}/unknown`, '--known-hosts', empty]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain(fingerprint);
    expect(unknown.stderr).toContain(`--trust ${fingerprint}`);

    const otherKey = opensshFingerprint(makeKeyPair(env.dir, 'other').publicPath);
    const wrongTrust = await cli(['run', 'touch-then-fail', '--host', 'web', '--confirm', 'web', '--param', `dir=${work}`, '--known-hosts', empty, '--trust', otherKey]);
    expect(wrongTrust.code).toBe(3);

    const trusted = await cli(['run', 'touch-then-fail', '--host', 'web', '--confirm', 'web', '--param', `dir=${work}`, '--known-hosts', empty, '--trust', fingerprint]);
    expect(trusted.code).toBe(1);
    expect(trusted.stdout).toContain('✓ exit 0');
    expect(fs.readFileSync(path.join(dataDir, 'known_hosts'), 'utf8')).toContain(env.sshd.hostKey.keyBase64);

    const remembered = await cli(['run', 'touch-then-fail', '--host', 'web', '--confirm', 'web', '--param', `dir=${work}`, '--known-hosts', empty]);
    expect(remembered.code).toBe(1);
    fs.rmSync(path.join(dataDir, 'known_hosts'));
  });

  test('a changed host key exits 3 and names both fingerprints', async () => {
    const impostor = makeKeyPair(env.dir, 'impostor');
    const file = path.join(env.dir, 'changed_known_hosts');
    fs.writeFileSync(file, `[127.0.0.1]:${env.sshd.port} ${impostor.keyType} ${impostor.keyBase64}\n`);
    const { code, stdout } = await cli(['run', 'touch-then-fail', '--host', 'web', '--confirm', 'web', '--param', `dir=${work}`, '--known-hosts', file, '--json']);
    expect(code).toBe(3);
    const report = JSON.parse(stdout);
    expect(report.error.hostKey).toMatchObject({ alias: 'web', status: 'changed', fingerprint: opensshFingerprint(env.sshd.hostKey.publicPath) });
    expect(report.error.message).toContain(opensshFingerprint(impostor.publicPath));
    expect(report.error.message).toContain(opensshFingerprint(env.sshd.hostKey.publicPath));
  });

  test('usage problems exit 2 with a clear message', async () => {
    const unknown = await cli(['run', 'no-such-thing', '--host', 'web']);
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toMatch(/Unknown procedure "no-such-thing". Available: .*quick-rollback.*cleanup, touch-then-fail\./);
    const missing = await cli(['run', 'cleanup', '--host', 'web']);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('missing value for "dir"');
    expect((await cli(['run', 'cleanup', '--host', 'web', '--param', 'dir'])).code).toBe(2);
    expect((await cli(['run', 'cleanup', '--param', 'dir=/x'])).stderr).toContain('--host is required');
    expect((await cli(['run', 'cleanup', '--host', 'web', '--param', 'dir=/x', '--param', 'typo=1'])).stderr).toContain('unknown parameter "typo"');
    expect((await cli(['run', 'cleanup', '--host', 'web', '--trust', 'MD5:aa'])).code).toBe(2);
  });

  test('--dry-run of a built-in procedure prints every exact command without connecting', async () => {
    const { code, stdout } = await trayage(
      'run',
      'quick-rollback',
      '--host',
      'prod-web',
      '--param',
      'appDir=/srv/my app',
      '--param',
      'composeDir=/srv',
      '--param',
      'service=web',
      '--param',
      'container=web',
      '--param',
      'healthUrl=https://example.com/health',
      '--dry-run',
      '--data-dir',
      dataDir,
    );
    expect(code).toBe(0);
    expect(stdout).toContain("$ cd -- '/srv/my app' && git tag -l --sort=-version:refname | head -5");
    expect(stdout).toContain("$ cd -- '/srv/my app' && git checkout --quiet {{tag}} && git describe --tags");
    expect(stdout).toContain('needs --confirm prod-web');
    expect(stdout).toContain('GET https://example.com/health until it answers 2xx');
  });
});

describe('trayage procedures', () => {
  test('lists the built-in and the team\'s procedures as text and JSON', async () => {
    const table = await trayage('procedures', '--data-dir', dataDir);
    expect(table.code).toBe(0);
    for (const id of ['diagnose-service-unavailable', 'diagnose-disk-full', 'diagnose-high-memory', 'diagnose-database-locked', 'diagnose-ssl-certificate', 'quick-rollback', 'database-restore', 'cleanup']) {
      expect(table.stdout).toContain(id);
    }
    expect(table.stdout).toMatch(/^quick-rollback\s+rollback\s+.*\n\s+params: .*\(tag: picked from output\)/m);
    const json = JSON.parse((await trayage('procedures', '--json', '--data-dir', dataDir)).stdout);
    expect(json.filter((p: { source: string }) => p.source === 'built-in')).toHaveLength(7);
    expect(json.filter((p: { source: string }) => p.source === 'team').map((p: { id: string }) => p.id)).toEqual(['cleanup', 'touch-then-fail']);
    expect((await trayage('procedures', '--bogus')).code).toBe(2);
  });
});
