import { readLimited as readBody } from './read-limited';

export interface FetchOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs?: number;
  // Bodies larger than this are refused rather than parsed: a source must not exhaust the engine.
  maxBytes?: number;
  // What the URL should answer as (e.g. 'an Alertmanager v2 API'), so a reply that is not JSON is
  // reported as a wrong URL rather than as a broken server.
  api?: string;
}

export class SourceError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout' | 'http' | 'invalid-json' | 'invalid-reply' | 'too-large' | 'auth',
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

// Small JSON-over-HTTP client for alert sources, with errors a person can act on.
export async function fetchJson<T = unknown>(url: string, options: FetchOptions = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const where = describeUrl(url);
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      headers: { Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') throw new SourceError(`${where} did not answer within ${timeoutMs} ms`, 'timeout');
    const code = e.cause?.code;
    const why = code === 'ECONNREFUSED' ? 'refused the connection' : code === 'ENOTFOUND' ? 'has a host name that does not resolve' : `is unreachable (${code ?? e.message})`;
    throw new SourceError(`${where} ${why}`, 'unreachable');
  }
  const text = await readLimited(response, options.maxBytes ?? DEFAULT_MAX_BYTES, where);
  if (response.status === 401 || response.status === 403) {
    throw new SourceError(`${where} refused the credentials (HTTP ${response.status}); check the token or password`, 'auth', response.status);
  }
  if (!response.ok) {
    throw new SourceError(`${where} answered HTTP ${response.status}: ${text.slice(0, 200).trim()}`, 'http', response.status);
  }
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    const start = JSON.stringify(text.slice(0, 60));
    if (options.api) throw new SourceError(`${where} is not ${options.api} (the reply is not JSON but starts with ${start}): check the URL`, 'invalid-json');
    throw new SourceError(`${where} did not answer with JSON (starts with ${start})`, 'invalid-json');
  }
}

function readLimited(response: Response, maxBytes: number, where: string): Promise<string> {
  return readBody(response, maxBytes, () => new SourceError(`${where} sent more than ${Math.round(maxBytes / 1024 / 1024)} MB; refusing to read it`, 'too-large'));
}

// Never echo credentials or query strings in messages.
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'the source URL';
  }
}

export function authHeaders(auth: SourceAuth | undefined): Record<string, string> {
  if (!auth) return {};
  if (auth.bearer) return { Authorization: `Bearer ${auth.bearer}` };
  if (auth.username !== undefined) return { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password ?? ''}`).toString('base64')}` };
  return {};
}

export interface SourceAuth {
  bearer?: string;
  username?: string;
  password?: string;
}
