import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { builtinProcedures, findProcedure } from '../../main/engine/runs/domain/builtin-procedures';
import type { PlannedStep } from '../../main/engine/runs/domain/dry-run';
import { runProcedure } from '../../main/engine/runs/procedure-runner';
import type { StepRecord } from '../../main/engine/runs/domain/run-types';
import { type RollbackServer, startRollbackServer } from '../fixtures/rollback-server';
import { startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';


// The "server" is the loopback sshd; its PATH starts with a fake `docker`
// whose `compose up -d` "restarts" the service by recording the checked-out
// tag, which the local health endpoint then reports as healthy.
let env: SshEnv;
let scratch: string;
let repo: string;
let restartedFile: string;
let healthUrl: string;
let server: RollbackServer;

beforeAll(async () => {
  server = await startRollbackServer('rollback');
  ({ scratch, repo, restartedFile, healthUrl } = server);
  env = await startSshEnv({ env: { PATH: `${server.bin}:/usr/local/bin:/usr/bin:/bin` } });
});

afterAll(async () => {
  await env?.stop();
  await server?.stop();
});

const params = () => ({ appDir: repo, composeDir: scratch, service: 'app', container: 'app', healthUrl });

test('declining the checkout confirmation leaves the server untouched', async () => {
  const rollback = findProcedure(builtinProcedures(), 'quick-rollback')!;
  const result = await runProcedure(rollback, { host: 'web', params: params() }, { runner: env.runner(), confirm: async () => null });
  expect(result.outcome).toBe('refused');
  expect(result.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'refused', 'skipped', 'skipped', 'skipped', 'skipped']);
  expect(server.checkedOut()).toBe('v1.2.0');
  expect(fs.existsSync(restartedFile)).toBe(false);
});

test('quick rollback end to end: previous tag picked, checked out, restarted, health verified', async () => {
  const rollback = findProcedure(builtinProcedures(), 'quick-rollback')!;
  const timeline: Array<{ event: 'start'; step: PlannedStep } | { event: 'end'; record: StepRecord }> = [];
  const confirmations: string[] = [];
  const choices: string[][] = [];
  const result = await runProcedure(
    rollback,
    { host: 'web', params: params() },
    {
      runner: env.runner(),
      onStepStart: (step) => timeline.push({ event: 'start', step }),
      onStepEnd: (record) => timeline.push({ event: 'end', record }),
      choose: async ({ choices: offered, suggested }) => {
        choices.push(offered);
        return suggested ?? null;
      },
      confirm: async ({ step }) => {
        confirmations.push(step.title);
        return step.host;
      },
    },
  );

  expect(result.steps.map((s) => `${s.title}: ${s.status}${s.error ? ` (${s.error})` : ''}`)).toEqual([
    'Recent commits: ok',
    'Recent tags, newest first: ok',
    'Check out the chosen tag: ok',
    'Rebuild the image: ok',
    'Restart the container: ok',
    'Verify the service is healthy: ok',
    'Container logs (last 20 lines): ok',
  ]);
  expect(result).toMatchObject({ ok: true, outcome: 'ok', healthVerified: true });
  expect(choices).toEqual([['v1.2.0', 'v1.1.0', 'v1.0.0']]);
  expect(result.steps[1].captured).toMatchObject({ param: 'tag', value: 'v1.1.0' });
  expect(result.steps[2].command).toBe(`cd -- '${repo}' && git checkout --quiet 'v1.1.0' && git describe --tags`);
  expect(result.steps[2].stdout).toBe('v1.1.0\n');
  // Every step that changes the server asks; listing tags and checking health do not.
  expect(confirmations).toEqual(['Check out the chosen tag', 'Rebuild the image', 'Restart the container']);
  expect(server.checkedOut()).toBe('v1.1.0');
  expect(fs.readFileSync(restartedFile, 'utf8').trim()).toBe('v1.1.0');
  expect(fs.readFileSync(server.dockerLog, 'utf8').trim().split('\n')).toEqual([
    'docker compose build app',
    'docker compose up -d app',
    'docker logs --tail 20 app',
  ]);
  // Every step is in the timeline, in order, each start followed by its end.
  expect(timeline.map((e) => (e.event === 'start' ? `start ${e.step.index}` : `end ${e.record.index}`))).toEqual(
    [0, 1, 2, 3, 4, 5, 6].flatMap((i) => [`start ${i}`, `end ${i}`]),
  );
  for (const entry of timeline) {
    if (entry.event === 'end' && entry.record.kind === 'command') {
      expect(entry.record).toMatchObject({ host: 'web', exitCode: 0 });
      expect(entry.record.startedAt).toBeGreaterThan(0);
    }
  }
});
