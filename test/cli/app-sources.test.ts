import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/engine/engine';
import { type MetricsExporter, type PromStack, startExporter, startPromStack } from '../fixtures/prometheus-stack';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { cli, type CliResult } from './cli-process';

const RULES = `groups:
  - name: trayage-cli
    rules:
      - alert: DiskAlmostFull
        expr: disk_used_ratio > 0.85
        labels: { severity: warning }
`;

// A port nothing listens on: taken and released, so the source is really unreachable.
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)|^\s+at \S+:\d+:\d+/m;

function expectClean(result: CliResult, what: string) {
  expect(result.stderr, `${what}: stderr`).not.toMatch(STACK_LINE);
  expect(result.stderr, `${what}: stderr`).not.toContain('database connection is not open');
  expect(result.code, `${what}: exit code (stderr: ${result.stderr})`).toBe(0);
}

// Short commands on a data directory where the app has alert sources (one reachable, one not) do
// their work and leave: no polling, no notices, no crash after the work is done.
describe('CLI on a data directory with alert sources added in the app', () => {
  let exporter: MetricsExporter;
  let stack: PromStack;
  let dir: string;

  beforeAll(async () => {
    exporter = await startExporter();
    exporter.set('disk_used_ratio', 0.9, { mount: '/' });
    stack = await startPromStack(exporter, RULES);
    dir = tempDir('trayage-cli-sources-');
    const engine = createEngine({ dataDir: dir, actor: 'ana', background: false });
    for (const source of [
      { name: 'prod-am', kind: 'alertmanager', url: stack.alertmanager, pollSeconds: 5 },
      { name: 'gone-am', kind: 'alertmanager', url: `http://127.0.0.1:${await closedPort()}`, pollSeconds: 5 },
    ]) {
      const reply = await engine.dispatch({ id: 1, method: 'sources.save', params: source });
      expect(reply).toMatchObject({ result: { name: source.name } });
    }
    engine.close();
  }, 60_000);
  afterAll(async () => {
    await stack?.stop();
    await exporter?.close();
    if (dir) removeDir(dir);
  });

  const commands = (status: string): string[][] => [
    ['declare', '--title', 'Disk almost full on db-1', '--severity', 'P3', '--data-dir', dir],
    ['incidents', '--data-dir', dir],
    ['incidents', '--json', '--data-dir', dir],
    ['status', '1', status, '--note', 'from the command line', '--data-dir', dir],
    ['postmortem', '1', '--data-dir', dir],
    ['procedures', '--data-dir', dir],
    ['runs', '--data-dir', dir],
    ['notices', '--data-dir', dir],
  ];

  it('every short command exits 0 without a stack trace, and declare declares once', async () => {
    for (const args of commands('identified')) expectClean(await cli(...args), args.join(' '));
    const listed = JSON.parse((await cli('incidents', '--json', '--data-dir', dir)).stdout);
    expect(listed.filter((i: { title: string }) => i.title === 'Disk almost full on db-1')).toHaveLength(1);
    expect(listed[0].status).toBe('identified');
  }, 120_000);

  it('the same while `serve` runs on the directory and polls both sources', async () => {
    const serve = await startServe(dir);
    try {
      for (const args of commands('monitoring')) expectClean(await cli(...args), `${args.join(' ')} (beside serve)`);
    } finally {
      await serve.stop();
    }
    expect(serve.output()).not.toMatch(STACK_LINE);
  }, 120_000);
});
