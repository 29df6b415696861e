import { STATUS_CODES } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { CertificateInfo, CheckContext, MonitorDefinition, Probe } from '../domain/check-types';
import { formatBytes } from '../../lib/config/duration';
import { CheckFailure, classifyError } from './error-classify';
import { peerCertificate } from './http-certificates';
import type { HttpConnectionPool } from './http1/connection-pool';
import { exchange } from './http1/exchange';

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
export function httpProbe(monitor: MonitorDefinition<HttpSettings>, ctx: CheckContext, pool: HttpConnectionPool): Promise<Probe> {
  const s = monitor.settings;
  const checkedAt = ctx.now();
  const started = performance.now();
  const visited: string[] = [];
  let phase: 'connecting' | 'headers' | 'body' = 'connecting';
  let received = 0;
  let connected = false;
  // The final response's status, once its status line is in: a failure after it (body too large,
  // cut short) still says what the server answered.
  let responseStatus: number | undefined;
  let abandon = () => {};
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
      finish({ errorKind, error, connected, ...(responseStatus !== undefined ? { status: responseStatus } : {}) });
      abandon();
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
      responseStatus = undefined;
      let discard = false;
      let status = 0;
      let certificate: CertificateInfo | undefined;
      let location: string | undefined;
      const chunks: Buffer[] = [];
      abandon = exchange(
        pool,
        { url, method, headers: s.headers, body: method === 'GET' || method === 'HEAD' ? undefined : s.body, tls: s },
        {
          connected: () => {
            connected = true;
            phase = 'headers';
          },
          head: (head, socket) => {
            status = head.status;
            connected = true;
            location = head.headers.get('location');
            if (REDIRECTS.has(status) && location && s.maxRedirects > 0) {
              discard = true;
              return;
            }
            responseStatus = status;
            certificate = url.protocol === 'https:' ? peerCertificate(socket as TLSSocket, checkedAt) : undefined;
            const declared = Number(head.headers.get('content-length'));
            if (declared > s.maxBodyBytes) {
              fail(new CheckFailure('body-too-large', `response body is ${formatBytes(declared)}, over the ${formatBytes(s.maxBodyBytes)} limit (raise max-body if this is expected)`), url);
              return;
            }
            received = 0;
            phase = 'body';
          },
          data: (chunk) => {
            if (done) return;
            received += chunk.length;
            if (received > s.maxBodyBytes) {
              // A redirect's own body is not worth reading to its end: close the connection and follow it.
              if (discard) {
                abandon();
                redirect(url, method, status, hop, location!);
              } else fail(new CheckFailure('body-too-large', `response body is over the ${formatBytes(s.maxBodyBytes)} limit (raise max-body if this is expected)`), url);
              return;
            }
            if (!discard) chunks.push(chunk);
          },
          end: () => {
            if (done) return;
            if (discard) return redirect(url, method, status, hop, location!);
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
                    error: `HTTP ${status} ${STATUS_CODES[status] ?? ''}`.trimEnd() + ` (expected ${describeStatuses(s.acceptedStatuses!)})`,
                  }),
            });
          },
          error: (err, reusedConnection) => {
            if (done) return;
            // A keep-alive connection the server closed while idle fails on reuse; one fresh try is safe for reads.
            if (!retried && reusedConnection && status === 0 && isReset(err) && IDEMPOTENT.has(method)) {
              visited.pop();
              send(url, method, hop, true);
              return;
            }
            fail(err, url);
          },
        },
      );
    };

    const redirect = (url: URL, method: string, status: number, hop: number, location: string) => {
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
    };

    send(firstUrl(s), s.method, 0, false);
  });
}

// Parsed once per monitor definition, not once per check; a URL is never changed once parsed.
const parsedUrls = new WeakMap<HttpSettings, URL>();

function firstUrl(settings: HttpSettings): URL {
  let url = parsedUrls.get(settings);
  if (!url) {
    url = new URL(settings.url);
    parsedUrls.set(settings, url);
  }
  return url;
}

const isReset = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code === 'ECONNRESET' || (err as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';

function describeStatuses(ranges: StatusRange[]): string {
  return ranges.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}-${hi}`)).join(', ');
}
