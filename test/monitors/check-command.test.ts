import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { closedPort, startHttp, type TestServer } from './helpers/servers';

// Asynchronous on purpose: the servers answering the checks live in this process.
function check(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, 'check', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => (stdout += c));
    proc.stderr.on('data', (c) => (stderr += c));
    proc.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('trayage check', () => {
  let server: TestServer;
  let dir: string;
  let refused: number;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  beforeAll(async () => {
    dir = tempDir();
    refused = await closedPort();
    server = await startHttp((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/ready') res.end(JSON.stringify({ status: 'ok' }));
      else res.writeHead(503).end(JSON.stringify({ status: 'degraded' }));
    });
  });
  afterAll(async () => {
    await server.close();
    removeDir(dir);
  });

  it('prints one line per monitor and exits 0 when all are up', async () => {
    const config = write('up.yaml', `monitors:\n  - name: ready\n    url: ${server.url}/ready\n    conditions:\n      - "[STATUS] == 200"\n      - "[BODY].status == ok"\n`);
    const result = await check('--config', config);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^up {4}ready {2}200 {2}\d+ ms\n$/);
  });

  it('exits 1 when any is down, and --json gives the failed conditions and errors', async () => {
    const config = write(
      'mixed.yaml',
      [
        'monitors:',
        '  - name: ready',
        `    url: ${server.url}/ready`,
        '  - name: orders',
        `    url: ${server.url}/orders`,
        '    conditions: ["[STATUS] == 200", "[BODY].status == ok"]',
        '  - name: refused',
        `    url: tcp://127.0.0.1:${refused}`,
        '',
      ].join('\n'),
    );
    const lines = await check('--config', config);
    expect(lines.status).toBe(1);
    expect(lines.stdout.split('\n')).toEqual([
      expect.stringMatching(/^up {4}ready {2}200 {2}\d+ ms$/),
      expect.stringMatching(/^DOWN {2}orders {2}503 {2}\d+ ms {2}\[STATUS\] was 503, expected 200; \[BODY\]\.status was "degraded", expected ok$/),
      expect.stringMatching(/^DOWN {2}refused {2}\d+ ms {2}.*refused/),
      '',
    ]);
    const json = await check('--config', config, '--json');
    expect(json.status).toBe(1);
    const results = JSON.parse(json.stdout);
    expect(results.map((r: { name: string; ok: boolean }) => [r.name, r.ok])).toEqual([
      ['ready', true],
      ['orders', false],
      ['refused', false],
    ]);
    expect(Object.keys(results[0]).sort()).toEqual(['error', 'failedConditions', 'name', 'ok', 'responseTimeMs', 'status']);
    expect(results[1]).toMatchObject({ status: 503, failedConditions: ['[STATUS] was 503, expected 200', '[BODY].status was "degraded", expected ok'] });
    expect(results[2]).toMatchObject({ status: null, error: expect.stringContaining('refused'), failedConditions: [] });
  });

  it('lists a paused monitor without checking it, and an empty file is an error, not a pass', async () => {
    const config = write('paused.yaml', `monitors:\n  - name: ready\n    url: ${server.url}/ready\n  - name: orders\n    url: ${server.url}/orders\n    paused: true\n`);
    const result = await check('--config', config);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^up {4}ready {2}200 {2}\d+ ms\npaused {2}orders {2}not checked \(paused: true in the file\)\n$/);
    const json = await check('--config', config, '--json');
    expect(JSON.parse(json.stdout).map((r: { name: string }) => r.name)).toEqual(['ready']);

    const empty = await check('--config', write('empty.yaml', '# nothing yet\n'));
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe(`${path.join(dir, 'empty.yaml')} is empty: there is nothing to check. Write a 'monitors:' list (see README, Monitors).\n`);
    const none = await check('--config', write('none.yaml', 'monitors: []\n'));
    expect(none).toMatchObject({ status: 0, stdout: `No monitors in ${path.join(dir, 'none.yaml')}.\n` });
  });

  it('exits 2 for an invalid file, naming the file, line and field', async () => {
    const config = write('broken.yaml', `monitors:\n  - name: ready\n    url: ${server.url}/ready\n    interval: soon\n`);
    const result = await check('--config', config);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${config.replace(/[.]/g, '\\.')}:4:5: monitor 'ready': interval `));
    const missing = await check('--config', path.join(dir, 'nowhere.yaml'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('nowhere.yaml: there is no such file (check the path)');
  });
});
