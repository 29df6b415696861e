import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';
import { closedPort } from './helpers/servers';

function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => (stdout += c));
    proc.stderr.on('data', (c) => (stderr += c));
    proc.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

/** "Billion laughs" ahead of a valid monitors list: 10^9 strings once expanded. */
function aliasBomb(port: number): string {
  const lines = ['l0: &l0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\nmonitors:\n  - name: api\n    url: tcp://127.0.0.1:${port}\n`;
}

function sharedHeaders(count: number, port: number): string {
  const lines = ['monitors:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - name: api ${i}`, `    url: http://127.0.0.1:${port}/health`, '    timeout: 2s');
    lines.push(i === 0 ? '    headers: &h {X-Env: prod}' : '    headers: *h');
  }
  return `${lines.join('\n')}\n`;
}

// A stack trace line, which people must never be shown.
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('hostile monitors files at the command line', () => {
  let dir: string;
  let port: number;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  beforeAll(async () => {
    dir = tempDir();
    port = await closedPort();
  });
  afterAll(() => removeDir(dir));

  it('check runs 100 monitors sharing one anchor', { timeout: 30_000 }, async () => {
    const result = await cli('check', '--config', write('shared.yaml', sharedHeaders(100, port)), '--json');
    expect(result.stderr).toBe('');
    // The port is closed: every check runs, and fails.
    expect(JSON.parse(result.stdout)).toHaveLength(100);
    expect(result.status).toBe(1);
  });

  it('check and alerts report an alias bomb as an invalid file, with its position', { timeout: 30_000 }, async () => {
    const file = write('bomb.yaml', aliasBomb(port));
    for (const command of ['check', 'alerts']) {
      const result = await cli(command, '--config', file);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: aliases repeat more than`));
      expect(result.stderr).not.toMatch(STACK);
    }
  });

  it('serve keeps the last good monitors and sources when a bomb is saved over its file', { timeout: 60_000 }, async () => {
    const config = write('live.yaml', `monitors:\n  - name: api\n    url: tcp://127.0.0.1:${port}\n    paused: true\nsources:\n  - name: am\n    alertmanager: http://127.0.0.1:${port}\n    poll: 1h\n`);
    const serve = await startServe(path.join(dir, 'data'), ['--config', config]);
    try {
      const rpc = await connectRpc(serve.port, serve.token);
      fs.writeFileSync(config, aliasBomb(port));
      let overview: any;
      for (let i = 0; i < 100; i++) {
        overview = (await rpc.call('monitors.list')).result;
        if (overview.config.issues.length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      // Past the 3 s the process used to live, and still serving.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(serve.proc.exitCode).toBeNull();
      overview = (await rpc.call('monitors.list')).result;
      expect(overview.monitors.map((m: { name: string }) => m.name)).toEqual(['api']);
      expect(overview.config.issues).toEqual([expect.objectContaining({ file: config, message: expect.stringMatching(/^aliases repeat more than/) })]);
      const tray = (await rpc.call('tray.state')).result;
      expect(tray.problems.filter((p: { label: string }) => p.label.startsWith('live.yaml:'))).toHaveLength(1);
      const alerts = (await rpc.call('alerts.list')).result;
      expect(alerts.sources.map((s: { name: string }) => s.name)).toEqual(['am']);
      expect(alerts.configError).toMatch(/aliases repeat more than/);
      rpc.close();
      expect(serve.output()).not.toMatch(STACK);
    } finally {
      await serve.stop();
    }
  });

  it('serve says on the terminal when an edit breaks its file or empties it, and when it loads again', { timeout: 60_000 }, async () => {
    const good = (names: string[]) => `monitors:\n${names.map((n) => `  - name: ${n}\n    url: tcp://127.0.0.1:${port}\n    paused: true\n`).join('')}`;
    const config = write('edited.yaml', good(['api', 'db']));
    const serve = await startServe(path.join(dir, 'data-3'), ['--config', config]);
    const said = async (pattern: RegExp) => {
      for (let i = 0; i < 300 && !pattern.test(serve.output()); i++) await new Promise((r) => setTimeout(r, 100));
      expect(serve.output()).toMatch(pattern);
    };
    try {
      const rpc = await connectRpc(serve.port, serve.token);
      fs.writeFileSync(config, `${good(['api', 'db'])}  - name: api\n    url: tcp://127.0.0.1:${port}\n`);
      await said(/edited\.yaml does not load; the monitors it last loaded keep running:\n {2}.*edited\.yaml:8:\d+: monitor name 'api' is used twice/);
      fs.writeFileSync(config, good(['api', 'db', 'cache']));
      await said(/edited\.yaml: loaded, 3 monitors\./);
      fs.writeFileSync(config, '');
      await said(/edited\.yaml:1:1: the file is empty; keeping the last monitors/);
      const overview = (await rpc.call('monitors.list')).result;
      expect(overview.monitors.map((m: { name: string }) => m.name).sort()).toEqual(['api', 'cache', 'db']);
      rpc.close();
      expect(serve.output()).not.toMatch(STACK);
    } finally {
      await serve.stop();
    }
  });

  it('serve starts with a bomb as its file, reporting it', { timeout: 60_000 }, async () => {
    const config = write('bomb-at-start.yaml', aliasBomb(port));
    const serve = await startServe(path.join(dir, 'data-2'), ['--config', config]);
    try {
      expect(serve.output()).toMatch(/bomb-at-start\.yaml:\d+:\d+: aliases repeat more than/);
      expect(serve.output()).not.toMatch(STACK);
    } finally {
      await serve.stop();
    }
  });
});
