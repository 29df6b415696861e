import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli/cli-process';
import { startServe, type ServeProcess } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';

// The built `trayage serve` and CLI, as an alerting tool and a script reach them over HTTP.
describe('incident intake over `serve`', () => {
  let dir: string;
  let serve: ServeProcess;
  let token: string;
  let base: string;

  const post = (path: string, body: string | object, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const incidents = async () => JSON.parse((await cli('incidents', '--json', '--data-dir', dir)).stdout);

  beforeAll(async () => {
    dir = tempDir();
    serve = await startServe(dir);
    base = `http://127.0.0.1:${serve.port}`;
  });
  afterAll(async () => {
    await serve?.stop();
    removeDir(dir);
  });

  it('adds and lists integrations from the CLI while serve runs; the token is printed once', async () => {
    const added = await cli('integrations', 'add', 'checkout-script', '--kind', 'json', '--data-dir', dir, '--json');
    expect(added.code).toBe(0);
    const made = JSON.parse(added.stdout);
    expect(made).toEqual({ name: 'checkout-script', kind: 'json', token: expect.stringMatching(/^tri_/), path: '/intake/json' });
    token = made.token;
    const listed = await cli('integrations', '--json', '--data-dir', dir);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([{ name: 'checkout-script', kind: 'json', path: '/intake/json', createdAt: expect.any(Number), lastUsedAt: null }]);
    expect(listed.stdout).not.toContain(token);
    const text = await cli('integrations', '--data-dir', dir);
    expect(text.stdout).toMatch(/^checkout-script\s+json\s+\/intake\/json\s+never used$/m);
    const wrongKind = await cli('integrations', 'add', 'x', '--kind', 'nagios', '--data-dir', dir);
    expect([wrongKind.code, wrongKind.stderr]).toEqual([2, expect.stringContaining("--kind must be alertmanager or json, not 'nagios'.")]);
  });

  it('declares once for a dedupe key (202), however often it is sent, and lists the key with the incident', async () => {
    const alert = { title: 'Checkout 502s', severity: 'P2', service: 'shop', dedupeKey: 'checkout-502' };
    const first = await post('/intake/json', alert);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 1, alerts: [{ dedupeKey: 'checkout-502', outcome: 'declared', incidentId: 1 }] });
    for (let i = 0; i < 3; i++) expect((await post('/intake/json', alert)).status).toBe(202);
    const resolved = await post('/intake/json', { ...alert, status: 'resolved' });
    expect(((await resolved.json()) as any).alerts[0].outcome).toBe('resolved');
    const list = await incidents();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 1, title: 'Checkout 502s', severity: 'P2', service: 'shop', status: 'investigating', dedupeKeys: ['checkout-502'] });
  });

  it("answers 401 without a valid token — the page's own token included — and 400 naming the bad field", async () => {
    const alert = { title: 'x', severity: 'P2', dedupeKey: 'k' };
    const tries: Record<string, string>[] = [{}, { authorization: 'Bearer tri_nope' }, { authorization: `Bearer ${serve.token}` }];
    for (const headers of tries) {
      const res = await post('/intake/json', alert, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
    expect((await post(`/intake/json?token=${serve.token}`, alert, {})).status).toBe(401);
    const bad = await post('/intake/json', { title: 'x', severity: 'P2', dedupeKey: 5 });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'The payload has 1 problem(s): dedupeKey must be a string', issues: [{ path: 'dedupeKey', message: 'must be a string' }] });
    expect((await post('/intake/alertmanager', { version: '4' })).status).toBe(401);
    expect(await incidents()).toHaveLength(1);
  });

  it('answers 413 for a body over 1 MiB, and keeps serving', async () => {
    const huge = JSON.stringify({ title: 'x', severity: 'P2', dedupeKey: 'big', impact: 'y'.repeat(2 * 1024 * 1024) });
    const res = await post('/intake/json', huge);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error).toContain('over 1024 KiB');
    expect((await post('/intake/json', { title: 'after', severity: 'P3', dedupeKey: 'after' })).status).toBe(202);
  });

  it('refuses web pages and other methods on the intake, and still guards every other route', async () => {
    const fromPage = await post('/intake/json', { title: 'x', severity: 'P2', dedupeKey: 'k' }, { authorization: `Bearer ${token}`, origin: 'http://evil.example' });
    expect(fromPage.status).toBe(403);
    expect((await fetch(`${base}/intake/json`)).status).toBe(405);
    const page = await fetch(`${base}/`, { headers: { origin: 'http://evil.example' } });
    expect(page.status).toBe(403);
    // The engine's WebSocket still wants the page token; an intake token is no key to it.
    const upgrade = (query: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.get(`${base}/rpc${query}`, { headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } });
        req.on('upgrade', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode!);
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
      });
    expect(await upgrade(`?token=${token}`)).toBe(401);
    expect(await upgrade(`?token=${serve.token}`)).toBe(101);
  });
});
