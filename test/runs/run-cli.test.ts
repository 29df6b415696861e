import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runCli } from '../../main/cli/run-cli';
import { createEngine } from '../../main/engine/engine';
import { opensshFingerprint } from '../fixtures/sshd/keys';
import { startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';
import { removeDir, tempDir } from '../helpers/temp-dir';

let ssh: SshEnv;
let dataDir: string;
let work: string;

// The data dir holds what the app set up: its ssh config and known_hosts
// settings and a team procedure. `trayage run --data-dir` uses them all.
beforeAll(async () => {
  ssh = await startSshEnv();
  dataDir = tempDir('trayage-cli-runs-');
  work = path.join(ssh.dir, 'work');
  fs.mkdirSync(work);
  const engine = createEngine({ dataDir, actor: 'ana', deliver: async () => {} });
  const call = (method: string, params: unknown) => engine.dispatch({ id: 1, method, params });
  await call('hosts.settings', { sshConfigPath: ssh.configPath, knownHostsFiles: [ssh.knownHostsPath] });
  await call('hosts.add', { alias: 'also-web', hostName: '127.0.0.1', port: ssh.sshd.port, user: ssh.user, identityFile: ssh.clientKey.privatePath });
  await call('procedures.save', {
    text: 'id: clean-tmp\ntitle: Clean the scratch dir\nkind: resolution\nparams: [{ name: dir, label: Directory }]\nsteps:\n  - title: List\n    command: ls {{dir}}\n  - title: Clean\n    command: rm -rf {{dir}}/junk\n',
  });
  engine.close();
});
afterAll(async () => {
  await ssh?.stop();
  removeDir(dataDir);
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

test('trayage procedures lists built-in and team procedures from the data dir', async () => {
  const table = await cli('procedures', '--data-dir', dataDir);
  expect(table.code).toBe(0);
  expect(table.stdout).toMatch(/^diagnose-service-unavailable\s+diagnostic\s+Service unavailable/m);
  expect(table.stdout).toMatch(/^clean-tmp\s+resolution\s+Clean the scratch dir\n\s+params: dir$/m);
  const json = JSON.parse((await cli('procedures', '--json', '--data-dir', dataDir)).stdout);
  expect(json.map((p: { id: string }) => p.id)).toContain('clean-tmp');
  expect((await cli('procedures', '--colour')).code).toBe(2);
});

test('trayage run uses the data dir\'s hosts, known_hosts and procedures, with the documented exit codes', async () => {
  fs.mkdirSync(path.join(work, 'junk'), { recursive: true });
  const refused = await cli('run', 'clean-tmp', '--host', 'web', '--param', `dir=${work}`, '--data-dir', dataDir);
  expect(refused.code).toBe(4);
  expect(refused.stderr).toContain(`rm -rf '${work}'/junk`);
  expect(fs.existsSync(path.join(work, 'junk'))).toBe(true);

  // A host added in the app resolves from the command line too.
  const ok = await cli('run', 'clean-tmp', '--host', 'also-web', '--param', `dir=${work}`, '--confirm', 'also-web', '--data-dir', dataDir);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain(`$ rm -rf '${work}'/junk`);
  expect(ok.stdout).toContain('✓ Clean the scratch dir on also-web: ok');
  expect(fs.existsSync(path.join(work, 'junk'))).toBe(false);

  const json = JSON.parse((await cli('run', 'clean-tmp', '--host', 'web', '--param', `dir=${work}/none`, '--confirm', 'web', '--json', `--data-dir=${dataDir}`)).stdout);
  expect(json).toMatchObject({ procedure: 'clean-tmp', host: 'web', ok: false, steps: [{ title: 'List', exitCode: 2 }, { title: 'Clean', status: 'skipped' }] });

  expect((await cli('run', 'clean-tmp', '--data-dir', dataDir)).code).toBe(2);
  expect((await cli('run', 'no-such-procedure', '--host', 'web', '--data-dir', dataDir)).code).toBe(2);
});

test('an unknown host key exits 3 with its fingerprint; --trust stores it in the data dir for the next run', async () => {
  const empty = path.join(ssh.dir, 'empty_known_hosts');
  fs.writeFileSync(empty, '');
  const fingerprint = opensshFingerprint(ssh.sshd.hostKey.publicPath);
  const unknown = await cli('run', 'clean-tmp', '--host', 'web', '--param', `dir=${work}`, '--confirm', 'web', '--known-hosts', empty, '--data-dir', dataDir);
  expect(unknown.code).toBe(3);
  expect(unknown.stderr).toContain(`--trust ${fingerprint}`);
  const trusted = await cli('run', 'clean-tmp', '--host', 'web', '--param', `dir=${work}`, '--confirm', 'web', '--known-hosts', empty, '--trust', fingerprint, '--data-dir', dataDir);
  expect(trusted.code).toBe(0);
  expect(fs.readFileSync(path.join(dataDir, 'known_hosts'), 'utf8')).toContain(ssh.sshd.hostKey.keyBase64);
  const again = await cli('run', 'clean-tmp', '--host', 'web', '--param', `dir=${work}`, '--confirm', 'web', '--known-hosts', empty, '--data-dir', dataDir);
  expect(again.code).toBe(0);
});
