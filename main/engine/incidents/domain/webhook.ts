import http from 'node:http';
import https from 'node:https';
import type { WorkflowIncident } from './incident-types';

export type WebhookKind = 'slack' | 'json';

export interface WebhookPost {
  kind: WebhookKind;
  /** A secret: never echoed in errors beyond its host and port. */
  url: string;
  text: string;
  incident: WorkflowIncident;
}

/** The text always comes back, so a failed post never loses what the person wrote. */
export type PostResult = { ok: true; status: number; text: string } | { ok: false; error: string; text: string };

const DEFAULT_TIMEOUT_MS = 10_000;
const ERROR_BODY_CHARS = 200;
const MAX_READ_BYTES = 4096;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The exact request body: Slack incoming webhooks take `{ text }`; the generic hook also gets the incident. */
export function webhookBody(post: Pick<WebhookPost, 'kind' | 'text' | 'incident'>): string {
  if (post.kind === 'slack') return JSON.stringify({ text: post.text });
  const i = post.incident;
  return JSON.stringify({
    incident: {
      id: i.id,
      title: i.title,
      severity: i.severity,
      status: i.status,
      impact: i.impact,
      commander: i.commander,
      service: i.service,
      createdAt: iso(i.createdAt),
      acknowledgedAt: iso(i.acknowledgedAt),
      resolvedAt: iso(i.resolvedAt),
      eta: iso(i.eta),
    },
    text: post.text,
  });
}

function describeNetworkError(err: NodeJS.ErrnoException, where: string, host: string): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${where}: nothing is listening there. Check the webhook URL and that the receiver is up.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${host} was not found (DNS). Check the webhook URL and the network.`;
    case 'ECONNRESET':
    case 'EPIPE':
      return `${where} closed the connection before answering.`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable from this machine. Check the network or VPN.`;
    default:
      if (err.code && /CERT|SSL|TLS|SELF_SIGNED/.test(err.code)) {
        return `the TLS certificate of ${where} was rejected (${err.code}).`;
      }
      return `${err.message || 'the request failed'}${err.code ? ` (${err.code})` : ''}.`;
  }
}

/**
 * Posts a communication update. Never throws: on failure the result says why (refused, timed out
 * after N ms, HTTP status with the start of the body) and carries the text back unchanged.
 */
export function postUpdate(post: WebhookPost, options: { timeoutMs?: number } = {}): Promise<PostResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const label = post.kind === 'slack' ? 'Slack webhook' : 'JSON webhook';
  const fail = (why: string): PostResult => ({ ok: false, error: `${label} failed: ${why}`, text: post.text });

  let url: URL;
  try {
    url = new URL(post.url);
  } catch {
    return Promise.resolve(fail('the webhook URL is not a valid URL; it should look like https://hooks.example.com/...'));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve(fail(`the webhook URL must start with https:// or http://, not ${url.protocol}//`));
  }
  const where = url.host;
  const body = Buffer.from(webhookBody(post), 'utf8');
  const client = url.protocol === 'https:' ? https : http;

  return new Promise((resolve) => {
    let settled = false;
    let status: number | null = null;
    let received = '';
    const httpError = () => {
      const snippet = received.slice(0, ERROR_BODY_CHARS).trim();
      const hint = status !== null && status >= 300 && status < 400 ? ' (redirects are not followed; use the final URL)' : '';
      return fail(`HTTP ${status} from ${where}${hint}${snippet ? `: ${snippet}` : ''}`);
    };
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      // A server that sent an error status but stalls on the body still gets its status reported.
      finish(status !== null && (status < 200 || status >= 300) ? httpError() : fail(`no answer from ${where}: timed out after ${timeoutMs} ms.`));
      req.destroy();
    }, timeoutMs);

    const req = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'user-agent': 'Trayage' },
      },
      (res) => {
        status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) {
          res.resume();
          finish({ ok: true, status, text: post.text });
          return;
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (received.length < MAX_READ_BYTES) received += chunk;
          if (received.length >= MAX_READ_BYTES) {
            finish(httpError());
            req.destroy();
          }
        });
        res.on('end', () => finish(httpError()));
        res.on('error', () => finish(httpError()));
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => finish(fail(describeNetworkError(err, where, url.hostname))));
    req.end(body);
  });
}
