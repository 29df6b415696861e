import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { dryRun } from '../../main/engine/runs/domain/dry-run';
import { runDiagnostics, runProcedure } from '../../main/engine/runs/procedure-runner';
import { defineProcedure } from '../../main/engine/runs/domain/procedure-validation';
import type { StepRecord } from '../../main/engine/runs/domain/run-types';
import { hostBlock, startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';


let env: SshEnv;
let work: string;

beforeAll(async () => {
  env = await startSshEnv();
  work = path.join(env.dir, 'work');
  fs.mkdirSync(work);
  fs.appendFileSync(env.configPath, hostBlock('web2', env.sshd.port, env.user, env.clientKey.privatePath));
});
afterAll(async () => {
  await env?.stop();
});

const marker = (name: string) => path.join(work, name);

function threeSteps(kind: 'rollback' | 'diagnostic', middle: { command: string; continueOnFailure?: boolean }) {
  return defineProcedure({
    id: `three-${kind}`,
    title: 'Three steps',
    kind,
    params: [{ name: 'dir', label: 'Work dir' }],
    steps: [
      { title: 'First', command: 'echo first' },
      { title: 'Middle', ...middle },
      { title: 'Last', command: kind === 'diagnostic' ? 'ls {{dir}}' : 'touch {{dir}}/last' },
    ],
  });
}

describe('step by step', () => {
  test('a rollback stops at the first failed step and reports the rest as skipped', async () => {
    const ended: StepRecord[] = [];
    const procedure = threeSteps('rollback', { command: 'echo broken >&2; exit 7' });
    const result = await runProcedure(procedure, { host: 'web', params: { dir: work } }, { runner: env.runner(), onStepEnd: (r) => ended.push(r) });
    expect(result.outcome).toBe('failed');
    expect(result.ok).toBe(false);
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(result.steps[1]).toMatchObject({ exitCode: 7, stderr: 'broken\n', host: 'web' });
    expect(ended.map((r) => r.title)).toEqual(['First', 'Middle']);
    expect(fs.existsSync(marker('last'))).toBe(false);
  });

  test('continueOnFailure lets the run go on but the outcome stays failed', async () => {
    const procedure = threeSteps('rollback', { command: 'exit 2', continueOnFailure: true });
    // The steps write markers: each is confirmed by its host name, as a person would.
    const result = await runProcedure(procedure, { host: 'web', params: { dir: work } }, { runner: env.runner(), confirm: async ({ step }) => step.host });
    expect(result.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'ok']);
    expect(result.outcome).toBe('failed');
    expect(fs.existsSync(marker('last'))).toBe(true);
    fs.rmSync(marker('last'));
  });

  test('a step timeout fails the step', async () => {
    const procedure = defineProcedure({
      id: 'slow',
      title: 'Slow',
      kind: 'resolution',
      steps: [{ title: 'Too slow', command: 'sleep 2', timeout: 0.3 }],
    });
    const result = await runProcedure(procedure, { host: 'web', params: {} }, { runner: env.runner() });
    expect(result.steps[0]).toMatchObject({ status: 'timeout' });
    expect(result.steps[0].error).toMatch(/no exit within 0.3 s/);
  });

  test('diagnostics run every step, on several hosts at once', async () => {
    const procedure = threeSteps('diagnostic', { command: 'grep -q nothing-here /dev/null' });
    const started: string[] = [];
    const results = await runDiagnostics(procedure, ['web', 'web2'], { dir: work }, {
      runner: env.runner(),
      onStepStart: (step, runHost) => started.push(`${runHost}:${step.index}`),
    });
    expect(results.map((r) => r.host)).toEqual(['web', 'web2']);
    for (const result of results) expect(result.steps.map((s) => s.status)).toEqual(['ok', 'failed', 'ok']);
    // Interleaved starts show the two hosts ran concurrently, not one after the other.
    expect(started.slice(0, 2).sort()).toEqual(['web2:0', 'web:0']);
    await expect(runDiagnostics(threeSteps('rollback', { command: 'true' }), ['web'], { dir: work }, { runner: env.runner() })).rejects.toThrow(
      /only diagnostics run on several hosts/,
    );
  });
});

describe('guards', () => {
  const destructive = () =>
    defineProcedure({
      id: 'wipe',
      title: 'Wipe a directory',
      kind: 'resolution',
      params: [{ name: 'target', label: 'Directory to delete' }],
      steps: [
        { title: 'Look', command: 'ls -la {{target}}' },
        { title: 'Delete', command: 'rm -rf {{target}}' },
      ],
    });

  test('dry run shows every exact command and host, and flags the destructive step', () => {
    const target = marker('victim dir');
    const plan = dryRun(destructive(), { host: 'web', params: { target } });
    expect(plan.map((s) => [s.host, s.command, s.needsConfirmation])).toEqual([
      ['web', `ls -la '${target}'`, false],
      ['web', `rm -rf '${target}'`, true],
    ]);
    expect(plan[1].destructive).toBe(true);
    expect(plan[1].reasons.length).toBeGreaterThan(0);
  });

  test('a destructive step runs only when the host name is typed exactly', async () => {
    const target = marker('victim dir');
    fs.mkdirSync(target, { recursive: true });
    const runner = env.runner();
    const input = { host: 'web', params: { target } };

    const unconfirmed = await runProcedure(destructive(), input, { runner });
    expect(unconfirmed.outcome).toBe('refused');
    expect(unconfirmed.steps.map((s) => s.status)).toEqual(['ok', 'refused']);
    expect(fs.existsSync(target)).toBe(true);

    const typo = await runProcedure(destructive(), input, { runner, confirm: async () => 'web2' });
    expect(typo.steps[1].status).toBe('refused');
    expect(typo.steps[1].error).toContain('"web2" does not match the host name "web"');
    expect(fs.existsSync(target)).toBe(true);

    const requests: string[] = [];
    const confirmed = await runProcedure(destructive(), input, {
      runner,
      confirm: async ({ step }) => {
        requests.push(step.command);
        return 'web';
      },
    });
    expect(confirmed.outcome).toBe('ok');
    expect(requests).toEqual([`rm -rf '${target}'`]);
    expect(confirmed.steps[1].confirmedWith).toBe('web');
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe('verify health', () => {
  test('waits until the URL answers 2xx, or fails at the deadline', async () => {
    let calls = 0;
    const server = http.createServer((_req, res) => {
      calls++;
      res.writeHead(calls >= 3 ? 200 : 503).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
    try {
      const procedure = defineProcedure({
        id: 'verify',
        title: 'Verify',
        kind: 'resolution',
        params: [{ name: 'url', label: 'Health URL' }],
        steps: [{ kind: 'verify-health', title: 'Healthy?', url: '{{url}}', deadline: 5, interval: 0.05 }],
      });
      const ok = await runProcedure(procedure, { host: 'web', params: { url } }, { runner: env.runner() });
      expect(ok).toMatchObject({ outcome: 'ok', healthVerified: true });
      expect(calls).toBe(3);
      expect(ok.steps[0].stdout).toContain('after 3 attempt(s): HTTP 200');

      const closed = `http://127.0.0.1:1/health`;
      const started = Date.now();
      const late = await runProcedure(
        defineProcedure({ ...procedure, steps: [{ kind: 'verify-health', title: 'Healthy?', url: '{{url}}', deadline: 0.4, interval: 0.1 }] }),
        { host: 'web', params: { url: closed } },
        { runner: env.runner() },
      );
      expect(late).toMatchObject({ outcome: 'failed', healthVerified: false });
      expect(late.steps[0].error).toMatch(/not healthy within 0.4 s: connection refused/);
      // A deadline that did not hold would poll until the test's own timeout.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      server.close();
    }
  });
});
