import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry, runCheck } from '../../main/engine/monitors/checks/kind-registry';
import { CLI } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { defineMonitor } from './helpers/define-monitor';
import { startHttp, type TestServer } from './helpers/servers';

// A body over max-body fails the check, but the status line was received: the result keeps it.
const registry = createDefaultRegistry();
const ctx = { now: Date.now };
let server: TestServer;

beforeAll(async () => {
  server = await startHttp((req, res) => {
    res.on('error', () => {});
    if (req.url === '/declared') {
      res.writeHead(200, { 'content-length': String(64 * 1024) });
      res.end(Buffer.alloc(64 * 1024, 'x'));
    } else if (req.url === '/streamed') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(Buffer.alloc(64 * 1024, 'x'));
    } else if (req.url === '/moved') {
      res.writeHead(302, { location: '/streamed' }).end();
    } else {
      res.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  registry.close();
  await server.close();
});

function check(path: string) {
  return runCheck(defineMonitor({ url: `${server.url}${path}`, 'max-body': '1kb' }), registry, ctx);
}

describe('a response body over max-body', () => {
  it('keeps the status when the declared length is over the limit', async () => {
    expect(await check('/declared')).toMatchObject({ ok: false, status: 200, errorKind: 'body-too-large' });
  });

  it('keeps the status when the counted bytes pass the limit', async () => {
    expect(await check('/streamed')).toMatchObject({ ok: false, status: 200, errorKind: 'body-too-large' });
  });

  it('reports the final status after a redirect, not the redirect’s', async () => {
    expect(await check('/moved')).toMatchObject({ ok: false, status: 200, errorKind: 'body-too-large' });
  });
});

describe('trayage check --json', () => {
  it('prints the status of a response whose body is over max-body', async () => {
    const dir = tempDir();
    try {
      const config = path.join(dir, 'big.yaml');
      fs.writeFileSync(config, `monitors:\n  - name: big\n    url: ${server.url}/streamed\n    max-body: 1kb\n`);
      // Asynchronous: the server answering the check lives in this process.
      const stdout = await new Promise<string>((resolve) => execFile(process.execPath, [CLI, 'check', '--config', config, '--json'], (_err, out) => resolve(out)));
      expect(JSON.parse(stdout)).toEqual([expect.objectContaining({ name: 'big', ok: false, status: 200, error: expect.stringContaining('over the 1 KB limit') })]);
    } finally {
      removeDir(dir);
    }
  });
});
