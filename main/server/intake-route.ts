import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { INTAKE_MAX_BYTES, type IntakePort, type IntakeResponse } from '../engine/intake/intake-port';

const INTAKE_PATH = /^\/intake\/([a-z0-9-]+)\/?$/;

/** The intake kind a request's path names (`/intake/alertmanager` → `alertmanager`), or null for every other path. */
export function intakeKindOf(url: string | undefined): string | null {
  const pathname = new URL(url ?? '/', 'http://placeholder').pathname;
  return INTAKE_PATH.exec(pathname)?.[1] ?? null;
}

/**
 * Answers one intake request. The intake checks its own bearer tokens (never the page token), so it
 * sits before the page guard; a browser page from another origin may not post to it at all.
 */
export function handleIntakeRequest(req: http.IncomingMessage, res: http.ServerResponse, intake: IntakePort, kind: string): void {
  if (req.method !== 'POST') {
    return send(res, { status: 405, headers: { Allow: 'POST' }, body: { error: `Only POST is accepted on ${req.url}.` } });
  }
  if (req.headers.origin !== undefined) {
    return send(res, { status: 403, body: { error: 'Intake requests come from alerting tools and scripts, not from web pages.' } });
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > INTAKE_MAX_BYTES) return tooLarge(req, res, intake, kind);
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  req.on('data', (chunk: Buffer) => {
    if (done) return;
    size += chunk.length;
    chunks.push(chunk);
    if (size > INTAKE_MAX_BYTES) {
      // Stop buffering: the answer (401 or 413) no longer depends on the rest.
      done = true;
      tooLarge(req, res, intake, kind);
    }
  });
  req.on('end', () => {
    if (done) return;
    done = true;
    send(res, answerSafely(() => intake.receive(kind, req.headers, Buffer.concat(chunks))));
  });
  req.on('error', () => {
    done = true;
  });
}

// The token is still checked first, so that an oversized request without one learns nothing more.
function tooLarge(req: http.IncomingMessage, res: http.ServerResponse, intake: IntakePort, kind: string): void {
  const oversize = Buffer.alloc(INTAKE_MAX_BYTES + 1);
  send(res, answerSafely(() => intake.receive(kind, req.headers, oversize)));
  // The rest of the body is read and dropped, so the sender sees the answer rather than a reset.
  req.resume();
}

function answerSafely(work: () => IntakeResponse): IntakeResponse {
  try {
    return work();
  } catch (err) {
    return { status: 500, body: { error: `The intake failed to record the alert: ${(err as Error)?.message ?? err}. Nothing was lost on the sender's side; it will retry.` } };
  }
}

function send(res: http.ServerResponse, answer: IntakeResponse): void {
  if (res.headersSent) return;
  const body = `${JSON.stringify(answer.body)}\n`;
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...answer.headers,
  });
  res.end(body);
}

export interface IntakeListenerHandle {
  port: number;
  close(): Promise<void>;
}

/** The desktop engine's own intake server: only the intake paths, on the address Settings name. */
export function startIntakeListener(intake: IntakePort, host: string, port: number): Promise<IntakeListenerHandle> {
  const server = http.createServer((req, res) => {
    const kind = intakeKindOf(req.url);
    if (kind === null) return send(res, { status: 404, body: { error: 'Only POST /intake/alertmanager and POST /intake/json are served here.' } });
    handleIntakeRequest(req, res, intake, kind);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Loopback addresses only this machine can reach; anything else is said in a warning when listening. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
