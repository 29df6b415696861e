import { MAX_MESSAGE_BYTES } from '../../preload/contract';

// What a window may send: one JSON string within the size limit. Anything else is answered with an error envelope.
export function checkWindowMessage(message: unknown): { ok: true; text: string } | { ok: false; reply: string } {
  if (typeof message !== 'string') {
    return { ok: false, reply: JSON.stringify({ id: null, error: { code: 'bad_request', message: 'Request must be a JSON string.' } }) };
  }
  if (message.length > MAX_MESSAGE_BYTES) {
    return {
      ok: false,
      reply: JSON.stringify({ id: null, error: { code: 'too_large', message: `Request refused: over the ${MAX_MESSAGE_BYTES / 1_000_000} MB limit.` } }),
    };
  }
  return { ok: true, text: message };
}
