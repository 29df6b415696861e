import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../preload/contract';
import type { ChannelMessage } from '../../main/engine/channels/kinds/channel-kind';
import { jsonKind, jsonWebhookBody, slackKind } from '../../main/engine/channels/kinds/webhook-kinds';
import { MIN, T0, makeIncident } from '../incidents/fixtures';

interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const servers: http.Server[] = [];

/** A real HTTP server on 127.0.0.1 and an ephemeral port that records what it gets. */
async function startServer(handler: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, url: `http://127.0.0.1:${port}/services/T000/B000/s3cr3tT0ken` };
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
});

const incident: Incident = { ...makeIncident({ acknowledgedAt: T0 + 2 * MIN, eta: T0 + 60 * MIN }), updatedAt: T0, roles: {} };
const text = '🚨 INCIDENT: Checkout API returns 502\nSeverity: P1\nStatus: Investigating';

// What the outbox hands a webhook kind: the posted text about the incident.
function postUpdate(post: { kind: 'slack' | 'json'; url: string; text: string; incident: Incident }, options: { timeoutMs?: number } = {}) {
  const message: ChannelMessage = { event: 'update', incident: post.incident, text: post.text, subject: post.incident.title, dedupeKey: `trayage-${post.incident.id}` };
  const kind = post.kind === 'slack' ? slackKind : jsonKind;
  return kind.send(message, {}, { url: post.url }, null, { timeoutMs: options.timeoutMs ?? 10_000, now: () => T0, channelName: '#ops' });
}

describe('Slack and JSON webhook kinds', () => {
  it('posts { text } to a Slack incoming webhook', async () => {
    const hook = await startServer((_req, res) => res.end('ok'));
    const result = await postUpdate({ kind: 'slack', url: hook.url, text, incident }, { timeoutMs: 2000 });
    expect(result).toEqual({ ok: true, summary: `HTTP 200 from 127.0.0.1:${hook.port}` });
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    expect(got.method).toBe('POST');
    expect(got.url).toBe('/services/T000/B000/s3cr3tT0ken');
    expect(got.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(got.body).toBe(
      '{"text":"🚨 INCIDENT: Checkout API returns 502\\nSeverity: P1\\nStatus: Investigating"}',
    );
  });

  it('posts the incident and the text to a generic JSON webhook', async () => {
    const hook = await startServer((_req, res) => {
      res.statusCode = 204;
      res.end();
    });
    const result = await postUpdate({ kind: 'json', url: hook.url, text, incident }, { timeoutMs: 2000 });
    expect(result).toEqual({ ok: true, summary: `HTTP 204 from 127.0.0.1:${hook.port}` });
    expect(JSON.parse(hook.received[0].body)).toEqual({
      incident: {
        id: 12,
        title: 'Checkout API returns 502',
        severity: 'P1',
        status: 'investigating',
        impact: 'Customers cannot pay',
        commander: 'dana',
        service: 'checkout-api',
        createdAt: '2025-03-04T14:03:00.000Z',
        acknowledgedAt: '2025-03-04T14:05:00.000Z',
        resolvedAt: null,
        eta: '2025-03-04T15:03:00.000Z',
      },
      text,
    });
    expect(hook.received[0].body).toBe(jsonWebhookBody(text, incident));
  });

  it('says the connection was refused when nothing listens, and keeps the text', async () => {
    const hook = await startServer(() => {});
    const closed = servers.pop()!;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const result = await postUpdate({ kind: 'slack', url: hook.url, text, incident }, { timeoutMs: 2000 });
    expect(result).toEqual({
      ok: false,
      error: `Slack webhook failed: connection refused by 127.0.0.1:${hook.port}: nothing is listening there. Check the webhook URL and that the receiver is up.`,
      retry: true,
    });
  });

  it('gives up on a server that never answers after the timeout', async () => {
    const hook = await startServer(() => {
      /* never responds */
    });
    const started = Date.now();
    const result = await postUpdate({ kind: 'json', url: hook.url, text, incident }, { timeoutMs: 300 });
    const took = Date.now() - started;
    expect(result).toEqual({ ok: false, error: `JSON webhook failed: no answer from 127.0.0.1:${hook.port}: timed out after 300 ms.`, retry: true });
    expect(took).toBeGreaterThanOrEqual(290);
    // A timeout that did not hold would wait for the test's own.
    expect(took).toBeLessThan(10_000);
    expect(hook.received).toHaveLength(1);
  });

  it('reports an HTTP error with the first 200 characters of the body, never the secret path', async () => {
    const reply = `internal_error: ${'x'.repeat(184)}TAIL-NOT-SHOWN${'y'.repeat(5000)}`;
    const hook = await startServer((_req, res) => {
      res.statusCode = 500;
      res.end(reply);
    });
    const result = await postUpdate({ kind: 'slack', url: hook.url, text, incident }, { timeoutMs: 2000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(`Slack webhook failed: HTTP 500 from 127.0.0.1:${hook.port}: ${reply.slice(0, 200)}`);
    expect(result.error).not.toContain('TAIL-NOT-SHOWN');
    expect(result.error).not.toContain('s3cr3tT0ken');
    expect(result.retry).toBe(true);
  });

  it('does not follow redirects and refuses URLs that are not http(s)', async () => {
    const hook = await startServer((_req, res) => {
      res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
      res.end();
    });
    const redirected = await postUpdate({ kind: 'slack', url: hook.url, text, incident }, { timeoutMs: 2000 });
    expect(redirected).toEqual({
      ok: false,
      error: `Slack webhook failed: HTTP 302 from 127.0.0.1:${hook.port} (redirects are not followed; use the final URL)`,
      retry: false,
    });
    expect(await postUpdate({ kind: 'slack', url: 'not a url', text, incident })).toEqual({
      ok: false,
      error: 'Slack webhook failed: the webhook URL is not a valid URL; it should look like https://host/path. Fix it in Settings → Channels → #ops.',
      retry: false,
    });
    expect(await postUpdate({ kind: 'json', url: 'file:///etc/passwd', text, incident })).toEqual({
      ok: false,
      error: 'JSON webhook failed: the webhook URL must start with https:// or http://, not file://',
      retry: false,
    });
  });
});
