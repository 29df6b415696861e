import type { z } from 'zod';
import {
  MAX_MESSAGE_BYTES,
  type MethodName,
  methods,
  RequestEnvelope,
  type ResponseEnvelope,
  type ResultOf,
  isMethodName,
} from '../../../preload/contract';
import { RpcFailure } from './rpc-failure';

type ParsedParams<M extends MethodName> = z.output<(typeof methods)[M]['params']>;
export type Handler<M extends MethodName> = (params: ParsedParams<M>) => ResultOf<M> | Promise<ResultOf<M>>;
type AnyHandler = (params: unknown) => unknown;
type Id = number | string | null;

/** What an area needs to offer its operations: registering, never calling. */
export type HandlerRegistry = Pick<RpcRegistry, 'handle'>;

// The single door into the engine: every message is size-checked, parsed and validated here,
// and every outcome, good or bad, leaves as a serialisable envelope.
export class RpcRegistry {
  private readonly handlers = new Map<MethodName, AnyHandler>();

  constructor(
    private readonly onInternalError: (method: string, err: unknown) => void = () => {},
    // A failure the caller did not cause but a person can act on (a full disk): its message, not 'internal'.
    private readonly explain: (err: unknown) => Error | null = () => null,
  ) {}

  handle<M extends MethodName>(method: M, handler: Handler<M>): void {
    this.handlers.set(method, handler as AnyHandler);
  }

  async dispatchText(text: string): Promise<ResponseEnvelope> {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_MESSAGE_BYTES) {
      return fail(peekId(text), 'too_large', `Message of ${formatBytes(bytes)} refused: the limit is ${formatBytes(MAX_MESSAGE_BYTES)}.`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return fail(null, 'bad_request', 'Message is not valid JSON.');
    }
    return this.dispatch(raw);
  }

  async dispatch(raw: unknown): Promise<ResponseEnvelope> {
    const envelope = RequestEnvelope.safeParse(raw);
    if (!envelope.success) {
      return fail(idOf(raw), 'bad_request', 'Message is not a request: it needs an id, a method name and params.');
    }
    const { id, method, params } = envelope.data;
    if (!isMethodName(method)) return fail(id, 'unknown_method', `Unknown method '${method}'.`);
    const handler = this.handlers.get(method);
    if (!handler) return fail(id, 'unavailable', `Method '${method}' is not available in this process.`);
    const parsed = methods[method].params.safeParse(params ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(params)', message: i.message }));
      const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return { id, error: { code: 'bad_request', message: `Invalid parameters for ${method} — ${summary}`, issues } };
    }
    try {
      return { id, result: await handler(parsed.data) };
    } catch (err) {
      if (err instanceof RpcFailure) {
        return { id, error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) } };
      }
      const known = this.explain(err);
      if (known) return fail(id, 'unavailable', known.message);
      this.onInternalError(method, err);
      return fail(id, 'internal', `${method} failed: ${(err as Error)?.message ?? String(err)}`);
    }
  }
}

function fail(id: Id, code: 'bad_request' | 'too_large' | 'unknown_method' | 'unavailable' | 'internal', message: string): ResponseEnvelope {
  return { id, error: { code, message } };
}

function idOf(raw: unknown): Id {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' || (typeof id === 'string' && id.length <= 64) ? id : null;
}

// An oversized message is not parsed, but its id (near the start) lets the caller match the error.
function peekId(text: string): Id {
  const match = /^\s*\{\s*"id"\s*:\s*(\d{1,15}|"[^"]{0,64}")/.exec(text.slice(0, 100));
  if (!match) return null;
  return match[1].startsWith('"') ? match[1].slice(1, -1) : Number(match[1]);
}

function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.ceil(n / 1000)} kB`;
}
