import type { StatusMessage } from '../store/use-mutation';

// The outcome of the last action: read out politely when it worked, at once when it did not.
export function StatusLine({ message }: { message: StatusMessage | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error-text'}>
      {message.text}
    </p>
  );
}
