import { EventEnvelope, events, type EventName, type MethodName, methods, ResponseEnvelope, type RpcError } from '../../preload/contract';

// The contract's schemas, applied to what crossed the process boundary. This module is a chunk of its
// own (see contract.ts): building the schemas takes tens of milliseconds, which then overlap the
// window's first render and its first calls instead of delaying both.

export type ReplyOutcome = { ok: true; data: unknown } | { ok: false; error: RpcError };

export function checkReply(method: MethodName, raw: unknown): ReplyOutcome {
  const envelope = ResponseEnvelope.safeParse(raw);
  if (!envelope.success) return { ok: false, error: { code: 'internal', message: `The engine sent a malformed reply to ${method}.`, issues: [] } };
  if ('error' in envelope.data) return { ok: false, error: envelope.data.error };
  const result = methods[method].result.safeParse(envelope.data.result);
  if (!result.success) return { ok: false, error: { code: 'internal', message: `The engine's reply to ${method} does not match the contract.`, issues: [] } };
  return { ok: true, data: result.data };
}

/** The event and its checked payload, or null for anything the contract does not name: no listener sees that. */
export function checkEvent(raw: unknown): { event: EventName; payload: unknown } | null {
  const envelope = EventEnvelope.safeParse(raw);
  if (!envelope.success || !Object.hasOwn(events, envelope.data.event)) return null;
  const event = envelope.data.event as EventName;
  const payload = events[event].safeParse(envelope.data.payload);
  return payload.success ? { event, payload: payload.data } : null;
}
