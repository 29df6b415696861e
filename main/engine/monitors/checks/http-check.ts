import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import type { CheckContext, MonitorDefinition, Probe } from '../domain/check-types';
import { formatBytes } from '../../lib/config/duration';
import { CheckFailure, classifyError } from './error-classify';
import { AgentPool, peerCertificate } from './http-agents';

export type StatusRange = [number, number];

export interface HttpSettings {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Undefined when a [STATUS] condition decides instead. */
  acceptedStatuses?: StatusRange[];
  maxRedirects: number;
  verifyTls: boolean;
  caFile?: string;
  maxBodyBytes: number;
  /** Decode the body only when a condition reads it; otherwise bytes are just counted. */
  readBody: boolean;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Runs one HTTP(S) check under a single deadline covering DNS, connect, TLS, redirects and body. */
export function httpProbe(monitor: MonitorDefinition<HttpSettings>, ctx: CheckContext, agents: AgentPool): Promise<Probe> {
  const s = monitor.settings;
  const checkedAt = ctx.now();
  const started = performance.now();
  const visited: string[] = [];
  let phase: 'connecting' | 'headers' | 'body' = 'connecting';
  let received = 0;
  let connected = false;
  let request: http.ClientRequest | undefined;
  let done = false;

  return new Promise<Probe>((resolve) => {
    const finish = (probe: Omit<Probe, 'checkedAt' | 'responseTimeMs'>) => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      resolve({ checkedAt, responseTimeMs: Math.round(performance.now() - started), ...probe });
    };
    const fail = (err: unknown, url: URL) => {
      const { errorKind, error } = classifyError(err, url.hostname, Number(url.port) || (url.protocol === 'https:' ? 443 : 80));
      finish({ errorKind, error, connected });
      request?.destroy();
    };
    const deadline = setTimeout(() => {
      const where =
        phase === 'connecting' ? 'while connecting' : phase === 'headers' ? 'while waiting for the response headers' : `while reading the body (${received} bytes received)`;
      const failure = new CheckFailure('timeout', `timed out after ${monitor.timeoutMs} ms ${where}`);
      fail(failure, new URL(visited[visited.length - 1] ?? s.url));
    }, monitor.timeoutMs);

    const send = (url: URL, method: string, hop: number, retried: boolean) => {
      visited.push(url.href);
      phase = 'connecting';
      let agent: http.Agent;
      try {
        agent = agents.agentFor(url, s);
      } catch (err) {
        fail(err, url);
        return;
      }
      const transport = url.protocol === 'https:' ? https : http;
      const body = method === 'GET' || method === 'HEAD' ? undefined : s.body;
      const req = transport.request(url, { method, headers: s.headers, agent });
      request = req;
      req.once('socket', (socket) => {
        const connectedNow = () => {
          connected = true;
          phase = 'headers';
        };
        if (socket.connecting) socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connectedNow);
        else connectedNow();
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (done) return;
        // A keep-alive socket the server closed while idle fails on reuse; one fresh try is safe for reads.
        if (!retried && req.reusedSocket && err.code === 'ECONNRESET' && IDEMPOTENT.has(method)) {
          visited.pop();
          send(url, method, hop, true);
          return;
        }
        fail(err, url);
      });
      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (REDIRECTS.has(status) && location && s.maxRedirects > 0) {
          res.resume();
          const next = URL.canParse(location, url.href) ? new URL(location, url) : undefined;
          if (!next) {
            fail(new CheckFailure('protocol', `redirect to an invalid location '${location}'`), url);
          } else if (visited.includes(next.href)) {
            fail(new CheckFailure('redirect-loop', `redirect loop: ${[...visited, next.href].join(' → ')}`), url);
          } else if (hop >= s.maxRedirects) {
            fail(new CheckFailure('too-many-redirects', `more than ${s.maxRedirects} redirects (last to ${next.href}); raise max-redirects or check the URL`), url);
          } else {
            const nextMethod = status === 303 || ((status === 301 || status === 302) && method === 'POST') ? 'GET' : method;
            send(next, nextMethod, hop + 1, false);
          }
          return;
        }
        const certificate = url.protocol === 'https:' ? peerCertificate(res.socket as TLSSocket, checkedAt) : undefined;
        const declared = Number(res.headers['content-length']);
        if (declared > s.maxBodyBytes) {
          fail(new CheckFailure('body-too-large', `response body is ${formatBytes(declared)}, over the ${formatBytes(s.maxBodyBytes)} limit (raise max-body if this is expected)`), url);
          return;
        }
        const chunks: Buffer[] = [];
        received = 0;
        phase = 'body';
        res.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > s.maxBodyBytes) {
            fail(new CheckFailure('body-too-large', `response body is over the ${formatBytes(s.maxBodyBytes)} limit (raise max-body if this is expected)`), url);
            return;
          }
          chunks.push(chunk);
        });
        res.on('error', (err) => fail(err, url));
        res.on('end', () => {
          const accepted = !s.acceptedStatuses || s.acceptedStatuses.some(([lo, hi]) => status >= lo && status <= hi);
          const needBody = s.readBody || !accepted;
          const text = needBody ? Buffer.concat(chunks, Math.min(received, s.maxBodyBytes)).toString('utf8') : undefined;
          finish({
            status,
            connected: true,
            body: text,
            certificate,
            certificateExpiresAt: certificate?.expiresAt,
            ...(accepted
              ? {}
              : {
                  errorKind: 'status' as const,
                  error: `HTTP ${status} ${http.STATUS_CODES[status] ?? ''}`.trimEnd() + ` (expected ${describeStatuses(s.acceptedStatuses!)})`,
                }),
          });
        });
      });
      req.end(body);
    };

    send(new URL(s.url), s.method, 0, false);
  });
}

function describeStatuses(ranges: StatusRange[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`)).join(', ');
}
