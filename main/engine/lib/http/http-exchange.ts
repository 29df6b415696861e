import type { z } from 'zod';
import { describeUrl } from './fetch-json';
import { readLimited as readBody } from './read-limited';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** One request exactly as it goes on the wire (a JSON body, or none). */
export interface HttpExchange {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

/** Whatever status came back: the caller decides what an error status means for its API. */
export interface HttpAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  json: unknown;
}

/** No answer at all; sending again later may help. */
export class ExchangeError extends Error {
  constructor(
    message: string,
    readonly kind: 'unreachable' | 'timeout' | 'too-large',
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}

const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * Sends one JSON request and returns the answer whatever its status, headers included: a channel
 * needs a rate limit's reset time or a validation error's fields, which a plain fetch-or-throw
 * helper would lose. Redirects are not followed, so a moved API is reported rather than re-posted.
 */
export async function exchangeJson(request: HttpExchange, options: { timeoutMs: number; maxBytes?: number }): Promise<HttpAnswer> {
  const where = describeUrl(request.url);
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      headers: { ...(request.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...request.headers },
      body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'manual',
    });
  } catch (err) {
    throw networkError(err, where, options.timeoutMs);
  }
  let text: string;
  try {
    text = await readLimited(response, options.maxBytes ?? DEFAULT_MAX_BYTES, where);
  } catch (err) {
    if (err instanceof ExchangeError) throw err;
    throw networkError(err, where, options.timeoutMs);
  }
  return { status: response.status, headers: response.headers, text, json: parseJson(text) };
}

function networkError(err: unknown, where: string, timeoutMs: number): ExchangeError {
  const e = err as Error & { cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new ExchangeError(`${where} did not answer within ${Math.round(timeoutMs / 100) / 10} s; check the network, or whether the service is down`, 'timeout');
  }
  const code = e.cause?.code;
  if (code === 'ECONNREFUSED') return new ExchangeError(`${where} refused the connection: nothing listens there; check the API URL and that the service is up`, 'unreachable');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new ExchangeError(`the host of ${where} was not found (DNS); check the API URL and the network`, 'unreachable');
  if (code === 'ECONNRESET') return new ExchangeError(`${where} closed the connection before answering; check for a proxy or firewall in between`, 'unreachable');
  if (code && /CERT|SSL|TLS|SELF_SIGNED/.test(code)) return new ExchangeError(`the TLS certificate of ${where} was rejected (${code}); check the API URL`, 'unreachable');
  return new ExchangeError(`${where} is unreachable (${code ?? e.message}); check the API URL and the network`, 'unreachable');
}

function readLimited(response: Response, maxBytes: number, where: string): Promise<string> {
  return readBody(response, maxBytes, () => new ExchangeError(`${where} sent more than ${Math.round(maxBytes / 1024)} KB in its answer; refusing to read it`, 'too-large'));
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The first characters of an answer that is not what was expected, for an error message. */
export function answerStart(answer: HttpAnswer): string {
  const start = answer.text.replace(/\s+/g, ' ').trim().slice(0, 120);
  return start ? `"${start}${answer.text.length > 120 ? '…' : ''}"` : 'an empty body';
}

/** A request the API answered with a failure, or never answered: what, why, what to do, and whether sending again can help. */
export class ApiFailure extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** When a rate limit lifts, for people: "14:05 UTC (in 12 min)". */
export function whenItLifts(atMs: number, nowMs: number): string {
  const clock = new Date(atMs).toISOString().slice(11, 16);
  const minutes = Math.max(1, Math.ceil((atMs - nowMs) / 60_000));
  return `${clock} UTC (in ${minutes} min)`;
}

export interface ApiCall<S extends z.ZodType> {
  /** What the request does, for messages: "open an issue in acme/shop". */
  action: string;
  /** What the API URL should be, as a phrase: "a GitHub REST API". */
  api: string;
  /** The fields of a success reply that are read. */
  reply: S;
  /** What an error status means for this API. */
  failure: (answer: HttpAnswer) => ApiFailure;
  timeoutMs: number;
}

/** One request whose success reply is checked against the shape its reader relies on; every failure becomes an ApiFailure. */
export async function callApi<S extends z.ZodType>(request: HttpExchange, call: ApiCall<S>): Promise<z.output<S>> {
  let answer: HttpAnswer;
  try {
    answer = await exchangeJson(request, { timeoutMs: call.timeoutMs });
  } catch (err) {
    if (!(err instanceof ExchangeError)) throw err;
    throw new ApiFailure(`Could not ${call.action}: ${err.message}.`, err.kind !== 'too-large');
  }
  if (answer.status < 200 || answer.status > 299) throw call.failure(answer);
  const parsed = call.reply.safeParse(answer.json);
  if (parsed.success) return parsed.data;
  const field = parsed.error.issues[0]?.path.map(String).join('.');
  const why = answer.json === undefined ? `its answer is not JSON but ${answerStart(answer)}` : `its answer has no valid ${field || 'body'}`;
  // Not retried: the request may well have taken effect, and sending it again could do it twice.
  throw new ApiFailure(`Could not ${call.action}: ${describeUrl(request.url)} answered HTTP ${answer.status} but is not ${call.api} (${why}); check the API URL.`, false);
}
