import { MAX_MESSAGE_BYTES } from '../../preload/contract';
import { isAllowedNavigation } from './window-policy';

type Checked<T> = ({ ok: true } & T) | { ok: false; reply: string };

// What a call carries as the frame that sent it; Electron's IpcMainInvokeEvent fits.
interface CallSender {
  readonly senderFrame?: { readonly url: string } | null;
}

// Only our own page may reach the engine. A call that cannot show it came from there is refused too:
// Electron gives no frame once it navigated away or was destroyed, and throws on reading the URL of
// a frame already disposed.
export function checkSender(event: CallSender, appEntryUrl: string): Checked<object> {
  let url: string | undefined;
  try {
    url = event.senderFrame?.url;
  } catch {
    url = undefined;
  }
  return url && isAllowedNavigation(url, appEntryUrl) ? { ok: true } : refusal('bad_request', 'Calls are only accepted from Trayage windows.');
}

// What a window may send: one JSON string within the size limit. Anything else is answered with an error envelope.
export function checkWindowMessage(message: unknown): Checked<{ text: string }> {
  if (typeof message !== 'string') return refusal('bad_request', 'Request must be a JSON string.');
  if (message.length > MAX_MESSAGE_BYTES) return refusal('too_large', `Request refused: over the ${MAX_MESSAGE_BYTES / 1_000_000} MB limit.`);
  return { ok: true, text: message };
}

function refusal(code: string, message: string): { ok: false; reply: string } {
  return { ok: false, reply: JSON.stringify({ id: null, error: { code, message } }) };
}
