import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDefaultRegistry, runCheck } from '../../main/engine/monitors/checks/kind-registry';
import { defineMonitor } from './helpers/define-monitor';
import { closedPort, startHttp, type TestServer } from './helpers/servers';

const registry = createDefaultRegistry();
const ctx = { now: Date.now };
let server: TestServer;
const dripTimers = new Set<NodeJS.Timeout>();
let seenRequest: { method?: string; token?: string; body?: string } = {};

beforeAll(async () => {
  server = await startHttp((req, res) => {
    const path = req.url ?? '/';
    if (path === '/health') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'ok', checks: { database: 'up' }, errors: [] }));
    } else if (path === '/bad-json') {
      res.end('{"status": "ok",');
    } else if (path === '/500') {
      res.statusCode = 500;
      res.end('boom');
    } else if (path === '/503') {
      res.statusCode = 503;
      res.end(JSON.stringify({ status: 'down', reason: 'database unreachable' }));
    } else if (path === '/loop-a' || path === '/loop-b') {
      res.writeHead(302, { location: path === '/loop-a' ? '/loop-b' : '/loop-a' }).end();
    } else if (path.startsWith('/hop/')) {
      const n = Number(path.slice(5));
      res.writeHead(301, { location: n > 0 ? `/hop/${n - 1}` : '/health' }).end();
    } else if (path === '/big') {
      // 10 MB without a content-length, so only counting the bytes can catch it.
      const chunk = Buffer.alloc(64 * 1024, 'x');
      let sent = 0;
      const pump = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => {});
      pump();
    } else if (path === '/big-declared') {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.write('x');
    } else if (path === '/drip') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), 1000);
      dripTimers.add(timer);
      res.write('.');
      res.on('close', () => clearInterval(timer));
    } else if (path === '/silent') {
      // Never answers: the check must give up on its own deadline.
    } else if (path === '/echo') {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seenRequest = { method: req.method, token: req.headers['x-token'] as string, body };
        res.end(JSON.stringify({ method: req.method, received: body.length }));
      });
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
});

afterAll(async () => {
  for (const timer of dripTimers) clearInterval(timer);
  registry.close();
  await server.close();
});

function check(fields: Record<string, unknown>) {
  return runCheck(defineMonitor(fields), registry, ctx);
}

describe('HTTP checks against a real server', () => {
  it('passes a healthy JSON endpoint', async () => {
    const result = await check({
      url: `${server.url}/health`,
      conditions: ['[STATUS] == 200', '[BODY].status == ok', '[BODY].checks.database == up', 'len([BODY].errors) == 0', '[RESPONSE_TIME] < 10000'],
    });
    expect(result).toMatchObject({ ok: true, status: 200, failedConditions: [] });
    expect(result.error).toBeUndefined();
    expect(result.responseTimeMs).toBeLessThan(10_000);
  });

  it('reports a body that is not valid JSON', async () => {
    const result = await check({ url: `${server.url}/bad-json`, conditions: ['[BODY].status == ok'] });
    expect(result).toMatchObject({ ok: false, status: 200, errorKind: 'invalid-json' });
    expect(result.error).toMatch(/^the response body is not valid JSON/);
    expect(result.failedConditions[0]).toMatch(/^\[BODY\]\.status cannot be read/);
  });

  it('fails a 500 on the default accepted statuses', async () => {
    const result = await check({ url: `${server.url}/500` });
    expect(result).toMatchObject({ ok: false, status: 500, errorKind: 'status', error: 'HTTP 500 Internal Server Error (expected 200-299)', bodyExcerpt: 'boom' });
  });

  it('fails a 503 on its conditions and keeps the body for the person on call', async () => {
    const result = await check({ url: `${server.url}/503`, conditions: ['[STATUS] == 200', '[BODY].status == ok'] });
    expect(result).toMatchObject({ ok: false, status: 503, errorKind: 'condition' });
    expect(result.failedConditions).toEqual(['[STATUS] was 503, expected 200', '[BODY].status was "down", expected ok']);
    expect(result.error).toBe('[STATUS] was 503, expected 200 (and 1 more)');
    expect(result.bodyExcerpt).toContain('database unreachable');
    const accepted = await check({ url: `${server.url}/503`, 'accepted-statuses': ['500-599'] });
    expect(accepted.ok).toBe(true);
  });

  it('follows redirects, detects loops and caps the number of hops', async () => {
    expect(await check({ url: `${server.url}/hop/2`, conditions: ['[BODY].status == ok'] })).toMatchObject({ ok: true, status: 200 });
    const loop = await check({ url: `${server.url}/loop-a` });
    expect(loop).toMatchObject({ ok: false, errorKind: 'redirect-loop' });
    expect(loop.error).toBe(`redirect loop: ${server.url}/loop-a → ${server.url}/loop-b → ${server.url}/loop-a`);
    const tooMany = await check({ url: `${server.url}/hop/5`, 'max-redirects': 3 });
    expect(tooMany).toMatchObject({ ok: false, errorKind: 'too-many-redirects' });
    expect(tooMany.error).toContain('more than 3 redirects');
    expect(await check({ url: `${server.url}/hop/0`, 'max-redirects': 0, 'accepted-statuses': [301] })).toMatchObject({ ok: true, status: 301 });
  });

  it('stops reading a 10 MB body at the limit', async () => {
    const started = Date.now();
    const result = await check({ url: `${server.url}/big`, 'max-body': '1mb', timeout: '10s' });
    expect(result).toMatchObject({ ok: false, errorKind: 'body-too-large', error: 'response body is over the 1 MB limit (raise max-body if this is expected)' });
    expect(Date.now() - started).toBeLessThan(15_000);
    const declared = await check({ url: `${server.url}/big-declared`, 'max-body': '1mb' });
    expect(declared).toMatchObject({ ok: false, errorKind: 'body-too-large' });
    expect(declared.error).toContain('response body is 10 MB, over the 1 MB limit');
  });

  it('gives up on a body that drips one byte a second when the total deadline passes', async () => {
    const result = await check({ url: `${server.url}/drip`, timeout: '1500ms' });
    expect(result).toMatchObject({ ok: false, errorKind: 'timeout' });
    expect(result.error).toMatch(/^timed out after 1500 ms while reading the body \(\d+ bytes received\)$/);
    expect(result.responseTimeMs).toBeGreaterThanOrEqual(1490);
    // The body would drip for a minute; the deadline cuts it, with room for a loaded machine.
    expect(result.responseTimeMs).toBeLessThan(15_000);
  });

  it('says which phase timed out when no headers come', async () => {
    const result = await check({ url: `${server.url}/silent`, timeout: '300ms' });
    expect(result).toMatchObject({ ok: false, errorKind: 'timeout', error: 'timed out after 300 ms while waiting for the response headers' });
  });

  it('classifies a refused port', async () => {
    const port = await closedPort();
    const result = await check({ url: `http://127.0.0.1:${port}/health` });
    expect(result).toMatchObject({ ok: false, errorKind: 'refused', error: `connection refused by 127.0.0.1:${port}: nothing is listening on that port` });
  });

  it('sends method, headers and a JSON body', async () => {
    const result = await check({
      url: `${server.url}/echo`,
      method: 'post',
      headers: { 'X-Token': 'abc' },
      body: { hello: 'world' },
      conditions: ['[BODY].method == POST'],
    });
    expect(result.ok).toBe(true);
    expect(seenRequest).toEqual({ method: 'POST', token: 'abc', body: '{"hello":"world"}' });
  });

  it('reuses one keep-alive connection across checks of the same origin', async () => {
    const before = server.connections();
    for (let i = 0; i < 5; i++) expect((await check({ url: `${server.url}/health` })).ok).toBe(true);
    expect(server.connections() - before).toBeLessThanOrEqual(1);
  });
});
