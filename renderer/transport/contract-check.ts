import type { EventName, MethodName } from '../../preload/contract';
import { EventEnvelope, ResponseEnvelope, type RpcError } from '../../preload/contract/envelope';
import { loadAll, schemasFor } from './method-schemas';

// The contract's schemas, applied to what crossed the process boundary. This module is a chunk of
// its own (see contract.ts), and so is each area's share of the schemas (method-schemas.ts) and
// the events' (loaded with the first event): a window builds the schemas of what it uses.

export type ReplyOutcome = { ok: true; data: unknown } | { ok: false; error: RpcError };

/** Starts loading the schemas of `method` while its call is on the way. */
export function prepare(method: MethodName): void {
  schemasFor(method).catch(() => undefined);
}

// What the first screen did not need is loaded shortly after it, off its path.
const REST_AFTER_MS = 2_000;
let restAsked = false;

function loadRestSoon(): void {
  if (restAsked) return;
  restAsked = true;
  setTimeout(() => {
    void loadAll();
    void loadEvents().catch(() => undefined);
  }, REST_AFTER_MS);
}

export async function checkReply(method: MethodName, raw: unknown): Promise<ReplyOutcome> {
  const envelope = ResponseEnvelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: { code: 'internal', message: `The engine sent a malformed reply to ${method}.`, issues: [] } };
  if ('error' in envelope.data) return { ok: false, error: envelope.data.error };
  const result = (await schemasFor(method)).result.safeParse(envelope.data.result);
  if (!result.success) return { ok: false, error: { code: 'internal', message: `The engine's reply to ${method} does not match the contract.`, issues: [] } };
  loadRestSoon();
  return { ok: true, data: result.data };
}

let eventSchemas: Promise<typeof import('../../preload/contract/events')> | null = null;

function loadEvents(): Promise<typeof import('../../preload/contract/events')> {
  eventSchemas ??= import('../../preload/contract/events').catch((error: unknown) => {
    eventSchemas = null;
    throw error;
  });
  return eventSchemas;
}

/** The event and its checked payload, or null for anything the contract does not name: no listener sees that. */
export async function checkEvent(raw: unknown): Promise<{ event: EventName; payload: unknown } | null> {
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success) return null;
  // Without the events' schemas nothing can be checked: the event is dropped, and the next one tries again.
  const loaded = await loadEvents().catch(() => null);
  if (!loaded) return null;
  const { events } = loaded;
  if (!Object.hasOwn(events, envelope.data.event)) return null;
  const event = envelope.data.event as EventName;
  const payload = events[event].safeParse(envelope.data.payload);
  return payload.success ? { event, payload: payload.data } : null;
}
