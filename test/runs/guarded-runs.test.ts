import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RunPrompt } from '../../preload/contract';
import { startRunsEnv, type RunsEnv } from './runs-env';

let env: RunsEnv;
let current: string;
let health: http.Server;
let healthUrl: string;

// Rolls a "release" file back to the value picked from the first step's
// output; the health endpoint answers 200 once the file says v2.
const ROLLBACK = `
id: pick-release
title: Roll back the release file
kind: rollback
params:
  - { name: file, label: Release file }
  - { name: release, label: Release to roll back to, pattern: 'v[0-9]+' }
  - { name: healthUrl, label: Health endpoint }
steps:
  - title: Releases, newest first
    command: printf 'v3\\nv2\\nv1\\n'
    capture: { param: release, pick: 1 }
  - title: Switch the release
    command: echo {{release}} > {{file}}
    confirm: true
  - kind: verify-health
    title: Verify the service is healthy
    url: '{{healthUrl}}'
    deadline: 10
    interval: 0.1
`;

const SLOW = `
id: slow
title: Slow step
kind: resolution
steps:
  - title: Wait
    command: echo waiting && sleep 30 && echo never
    timeout: 60
  - title: After
    command: echo after
`;

beforeAll(async () => {
  // Monitors run in this engine, for the verify-health step that waits on one.
  env = await startRunsEnv({}, { monitors: { run: true } });
  current = path.join(env.ssh.dir, 'current');
  fs.writeFileSync(current, 'v3\n');
  health = http.createServer((_req, res) => {
    const release = fs.readFileSync(current, 'utf8').trim();
    res.writeHead(release === 'v2' ? 200 : 503).end(release);
  });
  await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
  healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
  await env.call('procedures.save', { text: ROLLBACK });
  await env.call('procedures.save', { text: SLOW });
});
afterAll(async () => {
  await new Promise((resolve) => health?.close(resolve));
  await env?.stop();
});

const prompt = async (runId: number, kind: RunPrompt['kind']) => (await env.until(runId, (r) => r.prompts.some((p) => p.kind === kind))).prompts[0];

test('a rollback asks for the value and the typed host name at its step, verifies health and moves the incident to Monitoring', async () => {
  const incident = await env.call('incidents.declare', { title: 'Bad deploy', severity: 'P1' });
  const { runId } = await env.call('runs.start', { procedureId: 'pick-release', hosts: ['web'], params: { file: current, healthUrl }, incidentId: incident.id });

  const choose = await prompt(runId, 'choose');
  expect(choose).toMatchObject({ kind: 'choose', host: 'web', stepIndex: 0, param: 'release', choices: ['v3', 'v2', 'v1'], suggested: 'v2' });
  await expect(env.call('runs.respond', { runId, promptId: choose.id, value: 'v9; rm -rf /' })).rejects.toThrow(/not one of the values/);
  expect(await env.call('runs.respond', { runId, promptId: choose.id, value: 'v2' })).toEqual({ accepted: true });

  const confirm = await prompt(runId, 'confirm');
  expect(confirm).toMatchObject({ kind: 'confirm', stepIndex: 1, target: 'web', command: `echo 'v2' > '${current}'` });
  expect(fs.readFileSync(current, 'utf8')).toBe('v3\n');
  await env.call('runs.respond', { runId, promptId: confirm.id, value: 'web' });

  const run = await env.finished(runId);
  expect(run.status).toBe('ok');
  expect(run.steps.map((s) => s.status)).toEqual(['ok', 'ok', 'ok']);
  expect(run.steps[0].captured).toEqual({ param: 'release', choices: ['v3', 'v2', 'v1'], value: 'v2' });
  expect(run.steps[1]).toMatchObject({ confirmedWith: 'web', needsConfirmation: true });
  expect(run.monitoring).toEqual({ moved: true, message: `Health verified; incident #${incident.id} moved to Monitoring.` });
  expect(fs.readFileSync(current, 'utf8')).toBe('v2\n');

  const detail = await env.call('incidents.get', { id: incident.id });
  expect(detail.incident.status).toBe('monitoring');
  const texts = detail.timeline.map((e) => `${e.kind}: ${e.text.split('\n')[0]}`);
  expect(texts.filter((t) => t.startsWith('run:') || t.startsWith('status:') || t.startsWith('note:'))).toEqual([
    'run: Started rollback "Roll back the release file" on web (run #1)',
    expect.stringMatching(/^run: web · step 1\/3 ✓ Releases, newest first — exit 0/),
    expect.stringMatching(/^run: web · step 2\/3 ✓ Switch the release — exit 0/),
    expect.stringMatching(/^run: web · step 3\/3 ✓ Verify the service is healthy — healthy in/),
    'status: Status changed from Investigating to Monitoring',
    'note: Health verified by "Roll back the release file" on web (run #1).',
    'run: Run #1 "Roll back the release file" succeeded — 3/3 steps ok on web',
  ]);
  expect(detail.timeline.find((e) => e.text.includes('step 2/3'))!.data).toMatchObject({ confirmedWith: 'web', command: `echo 'v2' > '${current}'` });
  expect(detail.timeline.find((e) => e.text.includes('step 1/3'))!.data).toMatchObject({ chose: { release: 'v2' } });
});

test('a wrongly typed host name refuses the guarded step: nothing changes and the incident keeps its status', async () => {
  fs.writeFileSync(current, 'v3\n');
  const incident = await env.call('incidents.declare', { title: 'Another bad deploy', severity: 'P2' });
  const { runId } = await env.call('runs.start', { procedureId: 'pick-release', hosts: ['web'], params: { file: current, healthUrl }, incidentId: incident.id });
  await env.call('runs.respond', { runId, promptId: (await prompt(runId, 'choose')).id, value: 'v1' });
  await env.call('runs.respond', { runId, promptId: (await prompt(runId, 'confirm')).id, value: 'prod-db' });
  const run = await env.finished(runId);
  expect(run.status).toBe('refused');
  expect(run.steps.map((s) => s.status)).toEqual(['ok', 'refused', 'skipped']);
  expect(run.steps[1].error).toContain('"prod-db" does not match the host name "web"');
  expect(run.monitoring).toBeNull();
  expect(fs.readFileSync(current, 'utf8')).toBe('v3\n');
  expect((await env.call('incidents.get', { id: incident.id })).incident.status).toBe('investigating');
});

test('host names typed before the start confirm guarded steps on those hosts', async () => {
  fs.writeFileSync(current, 'v3\n');
  const { runId } = await env.call('runs.start', {
    procedureId: 'pick-release',
    hosts: ['web'],
    params: { file: current, healthUrl, release: 'v2' },
    confirmations: ['web'],
  });
  const run = await env.finished(runId);
  expect(run.status).toBe('ok');
  expect(run.steps[1].confirmedWith).toBe('web');
});

test('cancel stops the running command at once, skips the rest and says so', async () => {
  const incident = await env.call('incidents.declare', { title: 'Slow box', severity: 'P3' });
  const { runId } = await env.call('runs.start', { procedureId: 'slow', hosts: ['web'], incidentId: incident.id });
  await env.until(runId, (r) => r.steps[0].status === 'running');
  await new Promise((r) => setTimeout(r, 200));
  const started = Date.now();
  expect(await env.call('runs.cancel', { runId })).toEqual({ cancelled: true });
  const run = await env.finished(runId, 5000);
  // Well short of the 30 s the step would take, with room for a loaded machine.
  expect(Date.now() - started).toBeLessThan(15_000);
  expect(run.status).toBe('cancelled');
  expect(run.steps.map((s) => s.status)).toEqual(['cancelled', 'skipped']);
  expect((await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 0 })).stdout).toBe('waiting\n');
  expect(await env.call('runs.cancel', { runId })).toEqual({ cancelled: false });
  const timeline = (await env.call('incidents.get', { id: incident.id })).timeline.filter((e) => e.kind === 'run').map((e) => e.text.split('\n')[0]);
  expect(timeline.at(-1)).toBe('Run #4 "Slow step" ended: cancelled — 0/2 steps ok on web');
});

test('verify-health can wait for a monitor: it is checked again at once and the run passes when the monitor is up', async () => {
  fs.writeFileSync(current, 'v3\n');
  await env.call('monitors.save', { fields: { name: 'release api', url: healthUrl, interval: '1h' } });
  const procedure = (id: string, monitor: string, deadline: number) =>
    [
      `id: ${id}`,
      'title: Switch and watch the monitor',
      'kind: resolution',
      'params: [{ name: file, label: Release file }]',
      'steps:',
      '  - title: Switch',
      '    command: echo v2 > {{file}}',
      `  - { kind: verify-health, title: Monitor up, monitor: ${monitor}, deadline: ${deadline}, interval: 0.2 }`,
    ].join('\n');
  await env.call('procedures.save', { text: procedure('watch-release-api', 'release api', 10) });
  await env.call('procedures.save', { text: procedure('watch-missing', 'nope', 0.5) });

  const { runId } = await env.call('runs.start', { procedureId: 'watch-release-api', hosts: ['web'], params: { file: current }, confirmations: ['web'] });
  const run = await env.finished(runId);
  expect(run.steps.map((s) => s.status)).toEqual(['ok', 'ok']);
  // An hourly monitor: only the immediate re-check can have seen the switch within the deadline.
  expect((await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 1 })).stdout).toMatch(/^healthy after \d+ attempt\(s\): monitor "release api" is up/);

  const missing = await env.finished((await env.call('runs.start', { procedureId: 'watch-missing', hosts: ['web'], params: { file: current }, confirmations: ['web'] })).runId);
  expect(missing.steps[1].status).toBe('failed');
  expect(missing.steps[1].error).toContain('there is no monitor named "nope" (monitors: "release api")');
});
