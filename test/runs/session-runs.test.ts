import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type RollbackServer, startRollbackServer } from '../fixtures/rollback-server';
import { startRunsEnv, type RunsEnv } from './runs-env';

// A rollback written as the runbook has it: one `cd` first, then commands
// that rely on it. Through the engine, so the audit (steps, output files,
// incident timeline) is checked on the same run.
const RUNBOOK_ROLLBACK = `
id: runbook-rollback
title: Quick rollback, as the runbook writes it
kind: rollback
params:
  - { name: APP_DIR, label: '$APP_DIR' }
  - { name: COMPOSE_DIR, label: '$COMPOSE_DIR' }
  - { name: tag, label: Previous tag, pattern: 'v[0-9.]+' }
  - { name: healthUrl, label: Health endpoint }
steps:
  - title: Go to the application
    command: cd "{{APP_DIR}}"
  - title: Recent tags
    command: git tag -l --sort=-version:refname | head -5
    capture: { param: tag, pick: 1 }
  - title: Check out the previous tag
    command: git checkout --quiet {{tag}} && git describe --tags
  - title: Rebuild
    command: cd "{{COMPOSE_DIR}}" && docker compose build app
  - title: Restart
    command: docker compose up -d app && pwd
  - kind: verify-health
    title: Healthy again
    url: '{{healthUrl}}'
    deadline: 10
    interval: 0.1
`;

const HISTORY = `
id: history
title: History of the checkout
kind: diagnostic
params:
  - { name: dir, label: Directory }
steps:
  - title: Go there
    command: cd {{dir}}
  - title: Commits and tags
    command: git log --oneline -3; git tag -l | head -5
`;

let env: RunsEnv;
let server: RollbackServer;

beforeAll(async () => {
  server = await startRollbackServer('session-runs');
  env = await startRunsEnv({ env: { PATH: `${server.bin}:/usr/local/bin:/usr/bin:/bin` } });
  await env.call('procedures.save', { text: RUNBOOK_ROLLBACK });
  await env.call('procedures.save', { text: HISTORY });
});
afterAll(async () => {
  await env?.stop();
  await server?.stop();
});

test('the cd of the first step holds for git and docker compose in the steps after it', async () => {
  const { runId } = await env.call('runs.start', {
    procedureId: 'runbook-rollback',
    hosts: ['web'],
    params: { APP_DIR: server.repo, COMPOSE_DIR: server.scratch, healthUrl: server.healthUrl },
    confirmations: ['web'],
  });
  const choose = (await env.until(runId, (r) => r.prompts.some((p) => p.kind === 'choose'))).prompts[0];
  await env.call('runs.respond', { runId, promptId: choose.id, value: 'v1.1.0' });
  const run = await env.finished(runId);
  expect(run.steps.map((s) => `${s.title}: ${s.status}${s.error ? ` (${s.error})` : ''}`)).toEqual([
    'Go to the application: ok',
    'Recent tags: ok',
    'Check out the previous tag: ok',
    'Rebuild: ok',
    'Restart: ok',
    'Healthy again: ok',
  ]);
  expect(run.status).toBe('ok');
  expect(run.steps[0].command).toBe(`cd "${server.repo}"`);
  expect(run.steps[1].captured).toMatchObject({ choices: ['v1.2.0', 'v1.1.0', 'v1.0.0'], value: 'v1.1.0' });
  expect(server.checkedOut()).toBe('v1.1.0');
  expect(fs.readFileSync(server.restartedFile, 'utf8').trim()).toBe('v1.1.0');
  const restart = await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 4 });
  expect(restart.stdout).toBe(`Started app\n${server.scratch}\n`);
  // The output file holds exactly what the step printed, nothing of the session around it.
  const file = path.join(env.dataDir, 'runs', String(runId), 'web-step05.log');
  expect(fs.readFileSync(file, 'utf8')).toBe(`Started app\n${server.scratch}\n`);
});

test('a step whose first command fails is a failed step in the run and on the incident, though its last command succeeded', async () => {
  const notARepo = path.join(server.scratch, 'bin');
  const incident = await env.call('incidents.declare', { title: 'Is the checkout sane?', severity: 'P3' });
  const { runId } = await env.call('runs.start', { procedureId: 'history', hosts: ['web'], params: { dir: notARepo }, incidentId: incident.id });
  const run = await env.finished(runId);
  expect(run.status).toBe('failed');
  expect(run.steps.map((s) => [s.status, s.exitCode])).toEqual([
    ['ok', 0],
    ['failed', 128],
  ]);
  const output = await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 1 });
  expect(output.stdout).toBe('');
  expect(output.stderr).toMatch(/not a git repository/);
  const timeline = (await env.call('incidents.get', { id: incident.id })).timeline.map((e) => e.text.split('\n')[0]);
  expect(timeline).toContainEqual(expect.stringMatching(/^web · step 2\/2 ✗ Commits and tags — exit 128/));
});
