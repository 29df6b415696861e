import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDefaultRegistry, runCheck, type KindRegistry } from '../../main/engine/monitors/checks/kind-registry';
import { HttpConnectionPool } from '../../main/engine/monitors/checks/http1/connection-pool';
import { defineMonitor } from './helpers/define-monitor';

// A TCP server that answers each request with exactly the bytes a test gives it, so the checks meet
// what real servers do now and then: split writes, connections closed under a request, cut bodies.

interface Exchange {
  connection: number;
  /** 1 for the first request on its connection. */
  nth: number;
  request: string;
  socket: net.Socket;
}

interface RawServer {
  url: string;
  host: string;
  connections: () => number;
  close: () => Promise<void>;
}

const servers: RawServer[] = [];
const registries: KindRegistry[] = [];

afterEach(async () => {
  for (const registry of registries.splice(0)) registry.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function rawServer(answer: (exchange: Exchange) => void, host = '127.0.0.1'): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  let connections = 0;
  const server = net.createServer((socket) => {
    const connection = ++connections;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let pending = '';
    let nth = 0;
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end >= 0; end = pending.indexOf('\r\n\r\n')) {
        const request = pending.slice(0, end);
        pending = pending.slice(end + 4);
        answer({ connection, nth: ++nth, request, socket });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const raw = {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    host: `${host}:${port}`,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  servers.push(raw);
  return raw;
}

function registry(maxPerOrigin?: number): KindRegistry {
  const made = createDefaultRegistry({ connections: new HttpConnectionPool(maxPerOrigin) });
  registries.push(made);
  return made;
}

const ok = (body = '{"status":"ok"}') => `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`;

function check(registryToUse: KindRegistry, fields: Record<string, unknown>) {
  return runCheck(defineMonitor(fields, registryToUse), registryToUse, { now: Date.now });
}

describe('HTTP checks over kept connections', () => {
  it('reads a chunked body written a few bytes at a time', async () => {
    const body = '{"status":"ok","checks":{"db":"up"}}';
    const text = `HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const server = await rawServer(({ socket }) => {
      let at = 0;
      const next = () => {
        if (at >= text.length) return;
        socket.write(text.slice(at, at + 5));
        at += 5;
        setImmediate(next);
      };
      next();
    });
    const result = await check(registry(), { url: `${server.url}/health`, conditions: ['[STATUS] == 200', '[BODY].checks.db == up'] });
    expect(result).toMatchObject({ ok: true, status: 200, failedConditions: [] });
  });

  it('sends the request as written: method, path, query, host and headers', async () => {
    const seen: string[] = [];
    const server = await rawServer(({ request, socket }) => {
      seen.push(request);
      socket.write(ok());
    });
    const checks = registry();
    await check(checks, { url: `${server.url}/health?deep=1`, headers: { 'X-Token': 'abc' } });
    await check(checks, { url: `${server.url}/hook`, method: 'POST' });
    await check(checks, { url: server.url.replace('//', '//ana:s%20cret@') });
    expect(seen[0].split('\r\n')).toEqual(['GET /health?deep=1 HTTP/1.1', `host: ${server.host}`, 'user-agent: Trayage health check', 'x-token: abc']);
    expect(seen[1].split('\r\n')).toEqual(['POST /hook HTTP/1.1', `host: ${server.host}`, 'user-agent: Trayage health check', 'content-length: 0']);
    expect(seen[2].split('\r\n')).toEqual(['GET / HTTP/1.1', `host: ${server.host}`, `authorization: Basic ${Buffer.from('ana:s cret').toString('base64')}`, 'user-agent: Trayage health check']);
  });

  it('tries once more on a fresh connection when the server drops a kept one under a request', async () => {
    const server = await rawServer(({ nth, socket }) => {
      // The second request on any connection finds it closed, as when a server's keep-alive timeout passes.
      if (nth === 2) socket.destroy();
      else socket.write(ok());
    });
    const checks = registry();
    expect(await check(checks, { url: `${server.url}/a` })).toMatchObject({ ok: true });
    expect(await check(checks, { url: `${server.url}/a` })).toMatchObject({ ok: true, status: 200 });
    expect(server.connections()).toBe(2);
  });

  it('fails a response cut off in its body, and one that is not HTTP, saying so', async () => {
    const server = await rawServer(({ request, socket }) => {
      if (request.startsWith('GET /cut')) socket.end('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nhalf of it');
      else socket.end('SSH-2.0-OpenSSH_9.2p1\r\n\r\n');
    });
    const checks = registry();
    expect(await check(checks, { url: `${server.url}/cut` })).toMatchObject({
      ok: false,
      errorKind: 'reset',
      error: `connection to ${server.host} was reset before the response was complete`,
    });
    expect(await check(checks, { url: `${server.url}/ssh` })).toMatchObject({
      ok: false,
      errorKind: 'protocol',
      error: `${server.host} sent an invalid HTTP response: the status line 'SSH-2.0-OpenSSH_9.2p1' is not HTTP/1.x`,
    });
  });

  it('opens at most the pool limit of connections to one origin; further checks wait their turn', async () => {
    let inFlight = 0;
    let most = 0;
    const server = await rawServer(({ socket }) => {
      most = Math.max(most, ++inFlight);
      setTimeout(() => {
        inFlight--;
        socket.write(ok());
      }, 20);
    });
    const checks = registry(2);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => check(checks, { url: `${server.url}/m/${i}` })));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true, true, true]);
    expect(server.connections()).toBe(2);
    expect(most).toBe(2);
  });

  it('gives up waiting for a connection at the deadline, and the queue moves on', async () => {
    const server = await rawServer(({ request, socket }) => {
      if (!request.startsWith('GET /silent')) socket.write(ok());
    });
    const checks = registry(1);
    const silent = check(checks, { url: `${server.url}/silent`, timeout: '2s' });
    const waiting = await check(checks, { url: `${server.url}/health`, timeout: '200ms' });
    expect(waiting).toMatchObject({ ok: false, errorKind: 'timeout', error: 'timed out after 200 ms while connecting' });
    expect(await silent).toMatchObject({ ok: false, errorKind: 'timeout', error: 'timed out after 2000 ms while waiting for the response headers' });
    // The silent check's connection was closed at its deadline: the next check gets a new one.
    expect(await check(checks, { url: `${server.url}/health` })).toMatchObject({ ok: true });
  });

  it('checks an IPv6 loopback address', async () => {
    const server = await rawServer(({ request, socket }) => socket.write(request.includes(`host: [::1]:`) ? ok() : 'HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n'), '::1');
    expect(await check(registry(), { url: `${server.url}/health` })).toMatchObject({ ok: true, status: 200 });
  });

  it('refuses a header that would break the request, when the file is read', () => {
    expect(() => defineMonitor({ url: 'http://127.0.0.1:1/', headers: { 'X-Token': 'abc\r\nX-Admin: yes' } })).toThrow(
      "headers 'X-Token' has a line break in its value; a header value is one line",
    );
    expect(() => defineMonitor({ url: 'http://127.0.0.1:1/', headers: { 'X Token': 'abc' } })).toThrow("'X Token' is not a header name");
    expect(() => defineMonitor({ url: 'http://127.0.0.1:1/', headers: { 'Content-Length': '5' } })).toThrow("'Content-Length' is set by the check itself");
  });
});
