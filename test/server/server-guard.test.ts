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

interface Handshake {
  status: number;
  protocol?: string;
  body?: string;
}

// Offers the subprotocols the page offers (none by default) and reports how the upgrade ended.
function handshake(port: number, query: string, headers: Record<string, string> = {}, protocols: string[] = []): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc${query}`, protocols, { headers });
    ws.once('upgrade', (res) => {
      ws.once('open', () => {
        ws.close();
        resolve({ status: 101, protocol: String(res.headers['sec-websocket-protocol']) });
      });
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    ws.once('error', reject);
  });
}

const upgradeStatus = async (port: number, query: string, headers: Record<string, string> = {}) => (await handshake(port, query, headers)).status;
const pageProtocols = (token: string) => ['trayage.rpc', `trayage.token.${token}`];

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

  it('serves the app, which holds no secret, without the token and never sets a cookie', async () => {
    const withToken = await get(serve.port, `/?token=${serve.token}`);
    expect(withToken.status).toBe(200);
    expect(withToken.body).toContain('<div id="root">');
    expect(withToken.headers['set-cookie']).toBeUndefined();
    expect(withToken.headers['content-security-policy']).toContain("default-src 'none'");
    const page = await get(serve.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toBeUndefined();
    const asset = /src="\.\/(assets\/[^"]+\.js)"/.exec(page.body)![1];
    const script = await get(serve.port, `/${asset}`);
    expect(script.status).toBe(200);
    expect(script.body).not.toContain(serve.token);
    // A script named by its content's hash may be kept by the browser; the page never is.
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('refuses a link with a stale token, and says why', async () => {
    const res = await get(serve.port, '/?token=guess');
    expect(res.status).toBe(401);
    expect(res.body).toMatch(/token is out of date: open the URL that `trayage serve` printed last/);
  });

  it('opens the socket for the token in the page\'s subprotocol, answering with the fixed protocol only', async () => {
    const ok = await handshake(serve.port, '', { Origin: `http://127.0.0.1:${serve.port}` }, pageProtocols(serve.token));
    expect(ok).toEqual({ status: 101, protocol: 'trayage.rpc' });
    // Scripts may put it in the /rpc URL instead.
    expect(await upgradeStatus(serve.port, `?token=${serve.token}`)).toBe(101);
  });

  it('refuses a handshake with a wrong token or none, with the reason', async () => {
    expect(await handshake(serve.port, '', {}, ['trayage.rpc'])).toEqual({ status: 401, body: 'Missing token: open the URL that `trayage serve` printed.\n' });
    expect(await upgradeStatus(serve.port, '')).toBe(401);
    expect((await handshake(serve.port, '', {}, pageProtocols('guess'))).status).toBe(401);
    expect((await handshake(serve.port, '', {}, pageProtocols(serve.token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))))).status).toBe(401);
    expect(await upgradeStatus(serve.port, '?token=guess')).toBe(401);
    // A cookie is no credential here.
    expect(await upgradeStatus(serve.port, '', { Cookie: `trayage_token=${serve.token}` })).toBe(401);
  });

  it('refuses a foreign Origin and a foreign Host even with the token', async () => {
    expect(await upgradeStatus(serve.port, `?token=${serve.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect((await handshake(serve.port, '', { Origin: 'http://127.0.0.1:1' }, pageProtocols(serve.token))).status).toBe(403);
    expect((await get(serve.port, '/', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(serve.port, '/', { Host: `attacker.example:${serve.port}` })).status).toBe(421);
    expect((await handshake(serve.port, '', { Host: `attacker.example:${serve.port}` }, pageProtocols(serve.token))).status).toBe(421);
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
