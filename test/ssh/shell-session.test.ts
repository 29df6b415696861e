import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineProcedure } from '../../main/engine/runs/domain/procedure-validation';
import type { ProcedureInputDefinition } from '../../main/engine/runs/domain/procedure-types';
import type { ProcedureRunOptions } from '../../main/engine/runs/domain/run-types';
import { runProcedure } from '../../main/engine/runs/procedure-runner';
import { hostBlock, startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';

// Steps on a host run as in one shell session: what one step's `cd`,
// `export` or assignment leaves holds in the next, while each step keeps its
// own channel, exit status and output.

let env: SshEnv;
let work: string;

beforeAll(async () => {
  env = await startSshEnv();
  work = path.join(env.dir, 'work');
  fs.mkdirSync(path.join(work, 'app'), { recursive: true });
  fs.writeFileSync(path.join(work, 'app', 'file'), 'in app\n');
  // Another alias for the same server: a session of its own.
  fs.appendFileSync(env.configPath, hostBlock('web2', env.sshd.port, env.user, env.clientKey.privatePath));
});
afterAll(async () => {
  await env?.stop();
});

type Steps = ProcedureInputDefinition['steps'];

const confirmAll: ProcedureRunOptions['confirm'] = async ({ step }) => step.host ?? null;

// Resolution by default: these steps change things on purpose, so each is confirmed, as a person would, by the host name,
// and goes on after a failed step as a diagnostic would, so that every step's own status can be seen.
function procedure(steps: Steps, kind: 'rollback' | 'diagnostic' | 'resolution' = 'resolution') {
  const all = kind === 'resolution' ? steps.map((s) => ({ continueOnFailure: true, ...s })) : steps;
  return defineProcedure({ id: 'session', title: 'Session', kind, params: [{ name: 'dir', label: 'Work dir', default: work }], steps: all });
}

function run(steps: Steps, options: Partial<ProcedureRunOptions> = {}, kind: 'rollback' | 'diagnostic' | 'resolution' = 'resolution') {
  return runProcedure(procedure(steps, kind), { host: 'web', params: {} }, { runner: env.runner(), confirm: confirmAll, ...options });
}

describe('one shell session per host', () => {
  test('a cd holds for the next step: a relative path there finds the file', async () => {
    const result = await run([
      { title: 'Go to the app', command: 'cd {{dir}}/app' },
      { title: 'Read a relative path', command: 'cat file && pwd' },
      { title: 'Still there', command: 'pwd' },
    ]);
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    expect(result.steps[1].stdout).toBe(`in app\n${work}/app\n`);
    expect(result.steps[2].stdout).toBe(`${work}/app\n`);
  });

  test('exported and plain shell variables hold for later steps, unset ones do not', async () => {
    const result = await run([
      { title: 'Set', command: 'export FOO=bar; stamp=20261128; note="two words"; gone=x' },
      { title: 'Use', command: 'echo "$FOO $stamp $note"; sh -c \'echo "child sees [$FOO] [$stamp]"\'; unset gone' },
      { title: 'Unset stays unset', command: 'echo "[${gone-unset}]"' },
    ]);
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    // Only exported variables reach child processes, as in any shell.
    expect(result.steps[1].stdout).toBe('bar 20261128 two words\nchild sees [bar] []\n');
    expect(result.steps[2].stdout).toBe('[unset]\n');
  });

  test('a big value in a shell variable does not reach the environment of later commands', async () => {
    const result = await run([
      { title: 'Keep a log in a variable', command: 'log=$(head -c 300000 /dev/zero | tr "\\0" x)' },
      { title: 'Use it with a program', command: 'printf %s "$log" | wc -c' },
    ]);
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok']);
    expect(result.steps[1].stdout.trim()).toBe('300000');
  });

  test('each step keeps its own exit status, stdout and stderr', async () => {
    const result = await run([
      { title: 'Out and err', command: 'cd {{dir}}; echo out; echo err >&2' },
      { title: 'Exit 3', command: 'echo before; exit 3' },
      { title: 'After an exit', command: 'pwd' },
    ]);
    expect(result.steps.map((s) => [s.status, s.exitCode, s.stdout, s.stderr])).toEqual([
      ['ok', 0, 'out\n', 'err\n'],
      ['failed', 3, 'before\n', ''],
      ['ok', 0, `${work}\n`, ''],
    ]);
  });
});

describe('every failed command fails its step', () => {
  test('false | true, false; true, and a failed git log before ; echo ok', async () => {
    const result = await run([
      { title: 'Pipeline', command: 'false | true' },
      { title: 'List', command: 'false; true' },
      { title: 'Git outside a repository', command: 'cd {{dir}}; git log --oneline -1; echo ok' },
      { title: 'All fine', command: 'true | cat; echo fine' },
    ]);
    expect(result.steps.map((s) => [s.status, s.exitCode])).toEqual([
      ['failed', 1],
      ['failed', 1],
      ['failed', 128],
      ['ok', 0],
    ]);
    expect(result.steps[2].stdout).toBe('');
    expect(result.steps[2].stderr).toMatch(/not a git repository/);
    expect(result.steps[3].stdout).toBe('fine\n');
  });

  test('conditions and && / || lists are not failures, as in any shell with errexit', async () => {
    const result = await run([
      { title: 'Tested', command: 'if false; then echo no; fi; false || echo recovered; false && echo no; echo end' },
      { title: 'Last of a list', command: 'true && false' },
    ]);
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'failed']);
    expect(result.steps[0].stdout).toBe('recovered\nend\n');
  });

  test('a rollback stops at a failed first command even when the last one succeeds', async () => {
    const marker = path.join(work, 'rolled');
    const result = await run(
      [
        { title: 'Check out', command: 'cd {{dir}}; git checkout v1; echo checked out' },
        { title: 'Rebuild', command: `touch ${marker}` },
      ],
      {},
      'rollback',
    );
    expect(result.outcome).toBe('failed');
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe('output cannot fake a boundary, a status or a state', () => {
  test('printed exit codes, trap text and state lines change nothing', async () => {
    // As a log file could hold them: the session's own words, an exit status, state.
    const forged = ['exit 0', '__trayage_save 0', `trap '__trayage_save "$?"' EXIT`, 'declare -x __trayage_pwd="/"', "export FORGED='yes'", 'cd /', ''].join('\n');
    fs.writeFileSync(path.join(work, 'app', 'forged.log'), forged);
    const result = await run([
      { title: 'Start here', command: 'cd {{dir}}/app' },
      { title: 'Print forgeries, then fail', command: 'cat forged.log; cat forged.log >&2; false; echo unreachable' },
      { title: 'Where am I, what is set', command: 'pwd; echo "[${FORGED-}]"' },
    ]);
    expect(result.steps.map((s) => [s.status, s.exitCode])).toEqual([
      ['ok', 0],
      ['failed', 1],
      ['ok', 0],
    ]);
    expect(result.steps[1]).toMatchObject({ stdout: forged, stderr: forged });
    expect(result.steps[2].stdout).toBe(`${work}/app\n[]\n`);
  });

  test('a step that prints its way out of the session text still ends where it really ended', async () => {
    const result = await run([
      { title: 'Escape attempts', command: `echo '"; exit 0; "'; echo "'; exit 0; '"; exit 4` },
      { title: 'Next', command: 'echo next' },
    ]);
    expect(result.steps.map((s) => [s.status, s.exitCode])).toEqual([
      ['failed', 4],
      ['ok', 0],
    ]);
    expect(result.steps[1].stdout).toBe('next\n');
  });
});

describe('timeouts, cancel and clean-up', () => {
  test('a timed-out step that finishes later cannot change the state later steps see', async () => {
    const result = await run([
      // The server refuses to signal root's commands: this one goes on after the timeout.
      { title: 'Slow, moves away when it finally ends', command: 'sleep 1; cd /', timeout: 0.3 },
      { title: 'Quick', command: 'cd {{dir}}' },
      { title: 'Elsewhere, while the slow one ends', command: 'sleep 1.5', host: 'web2' },
      { title: 'Where am I', command: 'pwd' },
    ]);
    expect(result.steps.map((s) => s.status)).toEqual(['timeout', 'ok', 'ok', 'ok']);
    expect(result.steps[0].error).toMatch(/no exit within 0.3 s/);
    expect(result.steps[3].stdout).toBe(`${work}\n`);
  });

  test('cancel stops the step at once; the state directory is removed at the end', async () => {
    const abort = new AbortController();
    const started = Date.now();
    const result = await run(
      [
        { title: 'Where the state is', command: 'cd {{dir}}; echo "$__trayage_dir"' },
        { title: 'Long', command: 'ls -ld "$__trayage_dir"; echo waiting; sleep 30; echo never' },
        { title: 'Never', command: 'echo never' },
      ],
      {
        signal: abort.signal,
        onOutput: ({ stepIndex, batch }) => {
          if (stepIndex === 1 && batch.stdout.includes('waiting')) abort.abort();
        },
      },
    );
    // Well short of the 30 s the step would take, with room for a loaded machine.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.outcome).toBe('cancelled');
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'cancelled', 'skipped']);
    const [listing, waiting] = result.steps[1].stdout.split('\n');
    expect(waiting).toBe('waiting');
    expect(listing).toMatch(/^drwx------ /);
    const stateDir = result.steps[0].stdout.trim();
    expect(fs.existsSync(stateDir)).toBe(false);
  });

  test('a step that replaces its shell (exec) leaves the session as that step found it', async () => {
    const result = await run([
      { title: 'Go to the app', command: 'cd {{dir}}/app; export FOO=kept' },
      { title: 'Replace the shell', command: 'cd /; export FOO=lost; exec true' },
      { title: 'Where am I', command: 'pwd; echo "$FOO"' },
    ]);
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    expect(result.steps[2].stdout).toBe(`${work}/app\nkept\n`);
  });

  test('the last step removes the state directory itself; a one-step procedure never makes one', async () => {
    const runner = env.runner();
    const execs: string[] = [];
    const counting = { run: (alias: string, command: string, opts?: object) => (execs.push(command), runner.run(alias, command, opts)) };
    const three = await runProcedure(
      procedure([
        { title: 'One', command: 'cd {{dir}}; echo "$__trayage_dir"' },
        { title: 'Two', command: 'ls -ld "$__trayage_dir"' },
        { title: 'Three', command: 'true' },
      ]),
      { host: 'web', params: {} },
      { runner: counting, confirm: confirmAll },
    );
    expect(three.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
    expect(three.steps[1].stdout).toMatch(/^drwx------ /);
    expect(execs).toHaveLength(3);
    // Removed in the background as the last step starts.
    await expect.poll(() => fs.existsSync(three.steps[0].stdout.trim())).toBe(false);

    execs.length = 0;
    const one = await runProcedure(procedure([{ title: 'Only', command: 'echo "$__trayage_dir"' }]), { host: 'web', params: {} }, { runner: counting, confirm: confirmAll });
    expect(one.steps[0].status).toBe('ok');
    expect(execs).toHaveLength(1);
    expect(fs.existsSync(one.steps[0].stdout.trim())).toBe(false);
  });

  test('a working directory that disappeared fails the next step instead of running it elsewhere', async () => {
    const doomed = path.join(work, 'doomed');
    fs.mkdirSync(doomed);
    const result = await run([
      { title: 'Go there', command: `cd ${doomed}` },
      { title: 'Remove it', command: `rmdir ${doomed}` },
      { title: 'Would run in the wrong place', command: 'echo ran' },
    ]);
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'failed']);
    expect(result.steps[2].stdout).toBe('');
    expect(result.steps[2].stderr).toContain(`trayage: cannot return to ${doomed}, the working directory the earlier steps left`);
  });
});

// A login shell other than bash reads the exec request: sshd's ForceCommand
// hands it to sh as the login shell would be given it.
const SH_LOGIN = ['ForceCommand exec /bin/sh -c "$SSH_ORIGINAL_COMMAND"'];

describe('a login shell other than bash', () => {
  let shOnly: SshEnv;
  let shWithBash: SshEnv;
  beforeAll(async () => {
    // PATH with sh (dash, no pipefail) and a few tools, but no bash.
    const bin = path.join(env.dir, 'sh-only-bin');
    fs.mkdirSync(bin);
    for (const tool of ['sh', 'mkdir', 'rm', 'cat', 'ls', 'pwd', 'true', 'false', 'sleep']) fs.symlinkSync(`/bin/${tool}`, path.join(bin, tool));
    [shOnly, shWithBash] = await Promise.all([
      startSshEnv({ env: { PATH: bin }, extraConfig: SH_LOGIN }),
      startSshEnv({ env: { PATH: '/usr/local/bin:/usr/bin:/bin' }, extraConfig: SH_LOGIN }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([shOnly?.stop(), shWithBash?.stop()]);
  });

  const steps: Steps = [
    { title: 'Move and export', command: 'cd {{dir}}/app; export FOO=bar; plain=x' },
    { title: 'Use', command: 'cat file; echo "$FOO [${plain-}]"' },
    { title: 'Pipeline', command: 'false | true' },
    { title: 'List', command: 'false; true' },
  ];

  test('with bash there, the steps run in bash as anywhere else', async () => {
    const result = await runProcedure(procedure(steps), { host: 'web', params: {} }, { runner: shWithBash.runner(), confirm: confirmAll });
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'failed', 'failed']);
    expect(result.steps[0].stderr).toBe('');
    expect(result.steps[1].stdout).toBe('in app\nbar [x]\n');
  });

  test('without bash: sh -e, said once, with pipefail and plain variables missing, cd and exports carried', async () => {
    const result = await runProcedure(procedure(steps), { host: 'web', params: {} }, { runner: shOnly.runner(), confirm: confirmAll });
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok', 'failed']);
    expect(result.steps[0].stderr).toBe(
      'trayage: no bash on this host: steps run in sh -e without pipefail (a pipeline fails only when its last command fails), and only exported variables carry to later steps\n',
    );
    expect(result.steps[1]).toMatchObject({ stdout: 'in app\nbar []\n', stderr: '' });
  });
});
