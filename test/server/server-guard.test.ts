import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRpc } from '../helpers/ws-client';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

function get(port: number, path: string, headers: Record<string, string> = {}, host = '127.0.0.1') {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    http
      .get({ host, port, path, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
      })
      .on('error', reject);
  });
}

function upgradeStatus(port: number, query: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc${query}`, { headers });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode!));
    ws.once('error', reject);
  });
}

describe('headless server guard (real serve process)', () => {
  let dir: string;
  let serve: ServeProcess;
  beforeAll(async () => {
    dir = tempDir();
    serve = await startServe(dir);
  });
  afterAll(async () => {
    await serve.stop();
    removeDir(dir);
  });

  it('serves the app with the token, sets a strict cookie and a CSP', async () => {
    const res = await get(serve.port, `/?token=${serve.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['set-cookie']?.[0]).toMatch(/^trayage_token=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(res.body)![1];
    expect((await get(serve.port, `/${asset}`, { Cookie: `trayage_token=${serve.token}` })).status).toBe(200);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await get(serve.port, '/')).status).toBe(401);
    expect((await get(serve.port, '/?token=guess')).status).toBe(401);
    expect((await get(serve.port, '/', { Cookie: 'trayage_token=guess' })).status).toBe(401);
    expect(await upgradeStatus(serve.port, '')).toBe(401);
    expect(await upgradeStatus(serve.port, '?token=guess')).toBe(401);
  });

  it('refuses a foreign Origin and a foreign Host even with the token', async () => {
    expect(await upgradeStatus(serve.port, `?token=${serve.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect((await get(serve.port, `/?token=${serve.token}`, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(serve.port, `/?token=${serve.token}`, { Host: `attacker.example:${serve.port}` })).status).toBe(421);
    expect(await upgradeStatus(serve.port, `?token=${serve.token}`, { Origin: `http://127.0.0.1:${serve.port}` })).toBe(101);
  });

  it('does not serve files outside the renderer', async () => {
    const res = await get(serve.port, `/..%2f..%2fpackage.json?token=${serve.token}`);
    expect(res.status).toBe(404);
  });

  it('listens on 127.0.0.1 only', async () => {
    const hexPort = serve.port.toString(16).toUpperCase().padStart(4, '0');
    const listeners = ['/proc/net/tcp', '/proc/net/tcp6']
      .filter((f) => fs.existsSync(f))
      .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[1]?.endsWith(`:${hexPort}`) && cols[3] === '0A')
      .map((cols) => cols[1]);
    expect(listeners).toEqual([`0100007F:${hexPort}`]);
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal);
    if (external) await expect(get(serve.port, '/', {}, external.address)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers bad input over the socket with error envelopes and keeps serving', async () => {
    const client = await connectRpc(serve.port, serve.token);
    expect((await client.call('incidents.nuke')).error.code).toBe('unknown_method');
    expect((await client.call('incidents.get', { id: 'x' })).error.code).toBe('bad_request');
    expect((await client.call('incidents.declare', { severity: 'P1' })).error.issues[0].path).toBe('title');
    expect((await client.send('][')).error.code).toBe('bad_request');
    const huge = JSON.stringify({ id: 99, method: 'incidents.addNote', params: { id: 1, text: 'y'.repeat(10 * 1024 * 1024) } });
    expect(await client.send(huge)).toEqual({ id: 99, error: { code: 'too_large', message: 'Message of 10.5 MB refused: the limit is 1.0 MB.' } });
    const ok = await client.call('incidents.declare', { title: 'after the storm', severity: 'P2' });
    expect(ok.result.title).toBe('after the storm');
    client.close();
    expect(serve.proc.exitCode).toBeNull();
  });
});
