import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRunsEnv, type RunsEnv } from './runs-env';

let env: RunsEnv;
let scratch: string;

const PROBE = `
id: probe
title: Probe the box
kind: diagnostic
params:
  - name: dir
    label: Scratch directory
steps:
  - title: Say hello
    command: echo hello from ssh && echo careful >&2
  - title: Big output
    command: head -c 300000 /dev/zero | tr '\\0' x
  - title: Look for a missing file
    command: ls {{dir}}/missing
`;

beforeAll(async () => {
  env = await startRunsEnv();
  scratch = path.join(env.ssh.dir, 'scratch');
  fs.mkdirSync(scratch);
  await env.call('procedures.save', { text: PROBE });
});
afterAll(async () => {
  await env?.stop();
});

test('a diagnostic run from an incident is audited step by step, with bounded output in the database and all of it in files', async () => {
  const incident = await env.call('incidents.declare', { title: 'Checkout 502s', severity: 'P1' });
  const { runId } = await env.call('runs.start', { procedureId: 'probe', hosts: ['web'], params: { dir: scratch }, incidentId: incident.id });
  const run = await env.finished(runId);

  expect(run).toMatchObject({ procedureId: 'probe', title: 'Probe the box', kind: 'diagnostic', hosts: ['web'], actor: 'ana', incidentId: incident.id });
  // Diagnostics run every step; the missing file fails the run but not the steps after it.
  expect(run.status).toBe('failed');
  expect(run.steps.map((s) => [s.index, s.status, s.exitCode, s.target])).toEqual([
    [0, 'ok', 0, 'web'],
    [1, 'ok', 0, 'web'],
    [2, 'failed', 2, 'web'],
  ]);
  expect(run.steps[2].command).toBe(`ls '${scratch}'/missing`);
  for (const step of run.steps) {
    expect(step.startedAt).toBeGreaterThan(0);
    expect(step.durationMs).toBeGreaterThanOrEqual(0);
  }
  expect(run.hostResults).toEqual([expect.objectContaining({ host: 'web', outcome: 'failed', hostKey: null })]);

  const hello = await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 0 });
  expect(hello).toMatchObject({ stdout: 'hello from ssh\n', stderr: 'careful\n', truncated: false });

  // 300 kB: the database keeps 32 kB from each end, the file all of it.
  const big = await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 1 });
  expect(big.bytes).toBe(300_000);
  expect(big.truncated).toBe(true);
  expect(big.stdout.length).toBeLessThan(70_000);
  expect(big.stdout).toMatch(/^x+\n\[… \d+ characters omitted …\]\nx+$/);
  expect(big.file).toBe(path.join(env.dataDir, 'runs', String(runId), 'web-step02.log'));
  expect(fs.readFileSync(big.file!, 'utf8')).toBe('x'.repeat(300_000));

  const missing = await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 2 });
  expect(missing.stderr).toContain('No such file or directory');

  // The incident timeline (and so the post-mortem) holds the run and each step's exact command and result.
  const detail = await env.call('incidents.get', { id: incident.id });
  const runEntries = detail.timeline.filter((e) => e.kind === 'run');
  expect(runEntries.map((e) => e.text.split('\n')[0])).toEqual([
    'Started diagnostic "Probe the box" on web (run #1)',
    expect.stringMatching(/^web · step 1\/3 ✓ Say hello — exit 0 in (\d+ ms|\d+\.\d s)$/),
    expect.stringMatching(/^web · step 2\/3 ✓ Big output — exit 0 in (\d+ ms|\d+\.\d s)$/),
    expect.stringMatching(/^web · step 3\/3 ✗ Look for a missing file — exit 2 in (\d+ ms|\d+\.\d s)$/),
    'Run #1 "Probe the box" ended: failed — 2/3 steps ok on web',
  ]);
  expect(runEntries[3].text).toContain(`$ ls '${scratch}'/missing`);
  expect(runEntries[3].actor).toBe('ana');
  expect(runEntries[3].data).toMatchObject({ runId, host: 'web', stepIndex: 2, exitCode: 2, command: `ls '${scratch}'/missing` });
  const postmortem = await env.call('postmortem.get', { incidentId: incident.id });
  expect(postmortem.markdown).toContain('web · step 3/3 ✗ Look for a missing file — exit 2');
  expect(postmortem.markdown).toContain(`> $ ls '${scratch}'/missing`);

  expect((await env.call('runs.list', { incidentId: incident.id })).map((r) => r.id)).toEqual([runId]);
});

test('live output reaches windows in a few coalesced events, never one per packet', async () => {
  const before = env.events.length;
  const { runId } = await env.call('runs.start', { procedureId: 'probe', hosts: ['web'], params: { dir: scratch } });
  await env.finished(runId);
  const outputs = env.events
    .slice(before)
    .filter((e) => e.event === 'runs.output')
    .map((e) => e.payload as { runId: number; chunks: { host: string; stepIndex: number; text: string; omitted: number }[] })
    .filter((p) => p.runId === runId);
  const forBig = outputs.flatMap((p) => p.chunks).filter((c) => c.stepIndex === 1);
  const shown = forBig.reduce((n, c) => n + c.text.length, 0);
  const omitted = forBig.reduce((n, c) => n + c.omitted, 0);
  expect(shown + omitted).toBe(300_000);
  expect(outputs.length).toBeGreaterThan(0);
  expect(outputs.length).toBeLessThan(40);
  // The step's first line and the other steps' text arrive whole.
  expect(outputs.flatMap((p) => p.chunks).filter((c) => c.stepIndex === 0).map((c) => c.text).join('')).toBe('hello from ssh\ncareful\n');
  // A run without an incident writes no timeline entries.
  expect((await env.call('runs.get', { runId })).incidentId).toBeNull();
});

test('input is checked before anything runs, with the field at fault named', async () => {
  await expect(env.call('runs.start', { procedureId: 'probe', hosts: ['web'], params: {} })).rejects.toThrow(/missing value for "dir"/);
  await expect(env.call('runs.start', { procedureId: 'nope', hosts: ['web'] })).rejects.toThrow(/no procedure "nope"/);
  await expect(env.call('runs.start', { procedureId: 'probe', hosts: ['web'], params: { dir: scratch }, incidentId: 999 })).rejects.toThrow(
    /no incident #999/,
  );
  await expect(env.call('runs.start', { procedureId: 'quick-rollback', hosts: ['web', 'db'], params: {} })).rejects.toThrow(/one host/);
  await expect(env.call('procedures.save', { text: 'id: Bad Id\ntitle: x\nkind: diagnostic\nsteps: []' })).rejects.toThrow(/lowercase words/);
  await expect(env.call('procedures.save', { text: 'id: bad\ntitle: x\nkind: diagnostic\nsteps:\n  - title: wipe\n    command: rm -rf /tmp/x' })).rejects.toThrow(
    /diagnostics must be read-only/,
  );
  const plan = await env.call('runs.dryRun', { procedureId: 'probe', hosts: ['web'], params: { dir: "it's" } });
  expect(plan.hosts[0].steps[2]).toMatchObject({ host: 'web', command: `ls 'it'\\''s'/missing`, destructive: false });
  expect((await env.call('runs.list', {})).every((r) => r.status !== 'running')).toBe(true);
});

test('50 MB of output: complete in the file, bounded in the database and in the events a window receives', async () => {
  await env.call('procedures.save', {
    text: 'id: flood\ntitle: Flood\nkind: diagnostic\nsteps:\n  - title: 50 MB\n    command: head -c 52428800 /dev/zero | tr "\\\\0" y\n',
  });
  const before = env.events.length;
  const { runId } = await env.call('runs.start', { procedureId: 'flood', hosts: ['web'] });
  const run = await env.finished(runId, 30_000);
  expect(run.status).toBe('ok');
  const stored = await env.call('runs.stepOutput', { runId, host: 'web', stepIndex: 0 });
  expect(stored.bytes).toBe(52_428_800);
  expect(stored.stdout.length).toBeLessThan(70_000);
  expect(fs.statSync(stored.file!).size).toBe(52_428_800);
  const outputs = env.events.slice(before).filter((e) => e.event === 'runs.output');
  const chunks = outputs.flatMap((e) => (e.payload as { chunks: { text: string; omitted: number }[] }).chunks);
  const shown = chunks.reduce((n, c) => n + c.text.length, 0);
  expect(shown + chunks.reduce((n, c) => n + c.omitted, 0)).toBe(52_428_800);
  // A few events a second, each at most 128 kB per step: a window never gets the flood itself.
  expect(Math.max(...chunks.map((c) => c.text.length))).toBeLessThanOrEqual(128 * 1024);
  expect(shown).toBeLessThan(52_428_800 / 5);
  expect(outputs.length).toBeLessThan(300);
});
