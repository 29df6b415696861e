import http from 'node:http';
import https from 'node:https';
import type { SendOutcome } from './channel-kind';

export interface HttpRequest {
  method: string;
  /** May hold a key: errors name only its host and port. */
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface HttpFailureContext {
  /** "Slack webhook '#ops'", "PagerDuty 'pd-db'": who failed, as people name it. */
  label: string;
  /** The channel's name, for "re-enter it in Settings → Channels → NAME". */
  channel: string;
  /** What to check when nothing answers: "the webhook URL". */
  urlName: string;
}

export type HttpReply = { status: number; body: string };

const ERROR_BODY_CHARS = 200;
const MAX_READ_BYTES = 16_384;

/** A failure of the network itself, said for people: where, what it means, what to check. */
export function describeNetworkError(err: NodeJS.ErrnoException, where: string, host: string, urlName: string): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${where}: nothing is listening there. Check ${urlName} and that the receiver is up.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${host} was not found (DNS). Check ${urlName} and the network.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `${where} closed the connection before answering.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable from this machine. Check the network or VPN.`;
    default:
      if (err.code && /CERT|SSL|TLS|SELF_SIGNED/.test(err.code)) return `the TLS certificate of ${where} was rejected (${err.code}).`;
      return `${err.message || 'the request failed'}${err.code ? ` (${err.code})` : ''}.`;
  }
}

/** The start of an error body in one line: a JSON reply's message fields when there are any. */
export function summariseBody(body: string): string {
  const trimmed = body.trim();
  try {
    const parsed = JSON.parse(trimmed) as Record<string, unknown>;
    const said = (v: unknown): string => (Array.isArray(v) ? v.map(said).join('; ') : typeof v === 'string' ? v : JSON.stringify(v));
    const parts = [parsed.message, parsed.errors, parsed.error].filter((v) => v !== undefined && v !== null && v !== '');
    if (parts.length === 0 && typeof parsed.status === 'string') parts.push(parsed.status);
    if (parts.length > 0) return parts.map(said).join(' — ').slice(0, ERROR_BODY_CHARS);
  } catch {
    // Not JSON: the text itself.
  }
  return trimmed.replace(/\s+/g, ' ').slice(0, ERROR_BODY_CHARS);
}

/**
 * An HTTP status other than 2xx as a failed outcome for people. 401/403 mean the key was refused,
 * which sending again cannot fix; 408, 429 and 5xx are worth retrying; other 4xx are not.
 */
export function failedStatus(reply: HttpReply, where: string, context: HttpFailureContext): SendOutcome {
  const snippet = summariseBody(reply.body);
  const said = snippet ? `: ${snippet}` : '';
  const fail = (why: string, retry: boolean): SendOutcome => ({ ok: false, error: `${context.label} failed: ${why}`, retry });
  if (reply.status === 401 || reply.status === 403) {
    return fail(`HTTP ${reply.status} from ${where}: the key or token was refused${said}. Re-enter it in Settings → Channels → ${context.channel}.`, false);
  }
  if (reply.status >= 300 && reply.status < 400) return fail(`HTTP ${reply.status} from ${where} (redirects are not followed; use the final URL)${said}`, false);
  const retry = reply.status === 408 || reply.status === 429 || reply.status >= 500;
  return fail(`HTTP ${reply.status} from ${where}${said}`, retry);
}

/**
 * Sends one request and reads the reply. Never throws: a network failure or a timeout comes back
 * as a failed outcome saying where and what to check (worth a retry), an answer as its status and body.
 */
export function httpRequest(request: HttpRequest, timeoutMs: number, context: HttpFailureContext): Promise<{ reply: HttpReply; where: string } | { failure: SendOutcome }> {
  const fail = (why: string, retry: boolean) => ({ failure: { ok: false as const, error: `${context.label} failed: ${why}`, retry } });
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return Promise.resolve(fail(`${context.urlName} is not a valid URL; it should look like https://host/path. Fix it in Settings → Channels → ${context.channel}.`, false));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve(fail(`${context.urlName} must start with https:// or http://, not ${url.protocol}//`, false));
  }
  const where = url.host;
  const body = request.body === null ? null : Buffer.from(request.body, 'utf8');
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    let status: number | null = null;
    let received = '';
    const finish = (result: { reply: HttpReply; where: string } | { failure: SendOutcome }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      // A server that sent its status but stalls on the body still gets its status reported.
      finish(status !== null ? { reply: { status, body: received }, where } : fail(`no answer from ${where}: timed out after ${timeoutMs} ms.`, true));
      req.destroy();
    }, timeoutMs);
    const headers: Record<string, string | number> = { 'user-agent': 'Trayage', ...request.headers };
    if (body !== null) headers['content-length'] = body.length;
    const req = client.request(url, { method: request.method, agent: false, headers }, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (received.length < MAX_READ_BYTES) received += chunk;
      });
      res.on('end', () => finish({ reply: { status: status ?? 0, body: received }, where }));
      res.on('error', () => finish({ reply: { status: status ?? 0, body: received }, where }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => finish(fail(describeNetworkError(err, where, url.hostname, context.urlName), true)));
    req.end(body ?? undefined);
  });
}
