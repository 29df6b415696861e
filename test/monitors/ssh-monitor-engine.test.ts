import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunsEnv, startRunsEnv } from '../runs/runs-env';

let env: RunsEnv;

beforeAll(async () => {
  env = await startRunsEnv({}, { monitors: { run: true } });
}, 60_000);
afterAll(async () => {
  await env?.stop();
});

// The engine's monitors reach SSH hosts through the hosts area: the same ssh config and known_hosts
// as runs, set in the SSH window (here through hosts.settings).
it('an ssh monitor in the running engine checks the host it names, up and down by its condition', async () => {
  fs.writeFileSync(
    path.join(env.dataDir, 'monitors.yaml'),
    [
      'monitors:',
      '  - name: web answer',
      '    kind: ssh',
      '    host: web',
      '    command: echo 42',
      '    interval: 1s',
      '    conditions: ["[VALUE] < 85"]',
      '  - name: web too small',
      '    kind: ssh',
      '    host: web',
      '    command: echo 42',
      '    interval: 1s',
      '    failure-threshold: 1',
      '    conditions: ["[VALUE] < 10"]',
      '',
    ].join('\n'),
  );
  const statuses = async () => Object.fromEntries((await env.call('monitors.list')).monitors.map((m) => [m.name, { status: m.status, error: m.lastError }]));
  await expect.poll(statuses, { timeout: 30_000, interval: 200 }).toMatchObject({
    'web answer': { status: 'up' },
    'web too small': { status: 'down', error: expect.stringContaining('[VALUE] was 42') },
  });
}, 60_000);
