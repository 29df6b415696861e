import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalIo, terminalJson, terminalText } from '../../main/cli/terminal-text';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { cli, type CliResult } from './cli-process';

// What a hostile title, note or alert name carries: OSC 52 (writes the clipboard), CSI (clears the
// screen, colours), BEL, a C1 CSI and a bidirectional override.
const OSC52 = '\u001b]52;c;cHduZWQ=\u0007';
const HOSTILE = `Disk ${OSC52}full \u001b[2J\u001b[31mon db-1\u0007 \u009b2J \u202etxt.exe`;
// The same text as the terminal must show it.
const VISIBLE = 'Disk \\u001b]52;c;cHduZWQ=\\u0007full \\u001b[2J\\u001b[31mon db-1\\u0007 \\u009b2J \\u202etxt.exe';
// Anything a terminal acts on, newline and tab aside.
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function expectInert(result: CliResult, what: string): void {
  expect(result.stdout, `${what}: stdout`).not.toMatch(ACTIVE);
  expect(result.stderr, `${what}: stderr`).not.toMatch(ACTIVE);
}

describe('terminalText', () => {
  it('shows controls as escapes, keeps newlines and tabs, and reads CRLF as a line end', () => {
    expect(terminalText(HOSTILE)).toBe(VISIBLE);
    expect(terminalText('a\tb\r\nc\r\n')).toBe('a\tb\nc\n');
    expect(terminalText('50%\r100%\r')).toBe('50%\\u000d100%');
    expect(terminalText('\u007f\u0085\u2028')).toBe('\\u007f\\u0085\\u2028');
  });

  it('keeps JSON valid and its data unchanged', () => {
    const value = { title: HOSTILE, nested: ['\u009b', '\u202e', 'plain'] };
    const text = terminalJson(value);
    expect(text).not.toMatch(ACTIVE);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('is applied to both writers a command receives', () => {
    const seen: string[] = [];
    const io = terminalIo({ out: (t) => seen.push(`out:${t}`), err: (t) => seen.push(`err:${t}`) });
    io.out(`${OSC52}x`);
    io.err('\u001b[1Ay');
    expect(seen).toEqual(['out:\\u001b]52;c;cHduZWQ=\\u0007x', 'err:\\u001b[1Ay']);
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

// Debian's Alertmanager on loopback, holding one alert whose name and summary are hostile.
async function startAlertmanager(dir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), "route:\n  receiver: 'null'\nreceivers:\n  - name: 'null'\n");
  let log = '';
  const proc: ChildProcess = spawn(
    'prometheus-alertmanager',
    [`--config.file=${dir}/alertmanager.yml`, `--storage.path=${dir}/am`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  proc.stderr!.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  };
  try {
    await until('Alertmanager to be ready', async () => ((await fetch(`${url}/-/ready`)).ok ? true : undefined));
    const posted = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ labels: { alertname: HOSTILE, severity: 'critical' }, annotations: { summary: HOSTILE } }]),
    });
    expect(posted.status, await posted.text()).toBe(200);
    await until('the alert to be listed', async () => {
      const alerts = (await (await fetch(`${url}/api/v2/alerts`)).json()) as unknown[];
      return alerts.length > 0 ? true : undefined;
    });
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log}`);
  }
  return { url, stop };
}

// The built CLI, as a person runs it in a terminal.
describe('every command prints remote and typed text without letting the terminal act on it', () => {
  let dir: string;
  let am: { url: string; stop(): Promise<void> } | undefined;
  let web: http.Server | undefined;

  beforeAll(async () => {
    dir = tempDir('trayage-terminal-');
    am = await startAlertmanager(dir);
    web = http.createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => web!.listen(0, '127.0.0.1', resolve));
  }, 60_000);
  afterAll(async () => {
    await am?.stop();
    if (web) await new Promise((resolve) => web!.close(resolve));
    if (dir) removeDir(dir);
  });

  it('incidents, status and postmortem show a hostile title and note in visible form', async () => {
    const data = path.join(dir, 'data');
    const declared = await cli('declare', '--title', HOSTILE, '--severity', 'P2', '--data-dir', data);
    expect(declared.code, declared.stderr).toBe(0);
    const id = declared.stdout.trim();

    const status = await cli('status', id, 'identified', '--note', `note ${OSC52}`, '--data-dir', data);
    expectInert(status, 'status');
    expect(status.code, status.stderr).toBe(0);
    const badStatus = await cli('status', id, `resolved${OSC52}`, '--data-dir', data);
    expectInert(badStatus, 'status with a hostile status');
    expect(badStatus.code).not.toBe(0);

    const list = await cli('incidents', '--status', 'all', '--data-dir', data);
    expectInert(list, 'incidents');
    expect(list.stdout).toContain('\\u001b]52;c;cHduZWQ=\\u0007');

    const json = await cli('incidents', '--json', '--status', 'all', '--data-dir', data);
    expectInert(json, 'incidents --json');
    expect(JSON.parse(json.stdout)[0].title).toBe(HOSTILE);

    const postmortem = await cli('postmortem', id, '--data-dir', data);
    expectInert(postmortem, 'postmortem');
    expect(postmortem.code, postmortem.stderr).toBe(0);
    expect(postmortem.stdout).toContain(VISIBLE);
    expect(postmortem.stdout).toContain('note \\u001b]52;c;cHduZWQ=\\u0007');
  });

  it('alerts shows an alert name and summary served by Alertmanager in visible form', async () => {
    const config = path.join(dir, 'alerts.yaml');
    fs.writeFileSync(config, `sources:\n  - name: prod-am\n    alertmanager: ${am!.url}\n`);
    const text = await cli('alerts', '--config', config);
    expectInert(text, 'alerts');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`prod-am  ${VISIBLE}  ${VISIBLE}`);

    const json = await cli('alerts', '--config', config, '--json');
    expectInert(json, 'alerts --json');
    expect(JSON.parse(json.stdout)[0].name).toBe(HOSTILE);
  });

  it('check refuses a monitor name with controls in it, quoting it in visible form', async () => {
    const config = path.join(dir, 'monitors.yaml');
    const { port } = web!.address() as net.AddressInfo;
    fs.writeFileSync(config, `monitors:\n  - name: ${JSON.stringify(`web ${OSC52}`)}\n    url: http://127.0.0.1:${port}/\n`);
    const result = await cli('check', '--config', config, '--data-dir', path.join(dir, 'check'));
    expectInert(result, 'check');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("monitor 'web \\u001b]52;c;cHduZWQ=\\u0007': name contains a control character");
  });

  it('integrations answers a hostile name without echoing it raw', async () => {
    const data = path.join(dir, 'data');
    for (const args of [
      ['integrations', 'add', `hook${OSC52}`, '--kind', 'json'],
      ['integrations', 'rotate', `hook${OSC52}`],
      ['integrations', 'delete', `hook${OSC52}`, '--json'],
    ]) {
      const result = await cli(...args, '--data-dir', data);
      expectInert(result, args.join(' '));
      expect(result.code, `${args[1]}: ${result.stdout}`).not.toBe(0);
      expect(result.stderr.length, `${args[1]} says why`).toBeGreaterThan(0);
    }
    const list = await cli('integrations', '--data-dir', data);
    expectInert(list, 'integrations');
    expect(list.code, list.stderr).toBe(0);
  });
});
