import { useCallback, useState } from 'react';
import { attempt, type Outcome } from './attempt';

export interface StatusMessage {
  ok: boolean;
  text: string;
}

export interface Mutation {
  busy: boolean;
  // What the last run came to, for a StatusLine beside the control that started it.
  message: StatusMessage | null;
  // `said` turns a result into the message to show: a string when it worked, or a StatusMessage when the reply itself reports a failure.
  run<T>(work: () => Promise<T>, said?: (value: T) => string | StatusMessage | null): Promise<Outcome<T>>;
  clear(): void;
}

/** A change a person makes. `refresh` (a query's) runs after it worked, before `run` resolves, so the view never shows the old state as the result. */
export function useMutation(refresh?: () => Promise<void>): Mutation {
  const [running, setRunning] = useState(0);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const run = useCallback(
    async <T>(work: () => Promise<T>, said?: (value: T) => string | StatusMessage | null): Promise<Outcome<T>> => {
      setRunning((n) => n + 1);
      setMessage(null);
      const outcome = await attempt(work);
      if (outcome.ok) {
        await refresh?.();
        const text = said?.(outcome.value) ?? null;
        setMessage(typeof text === 'string' ? { ok: true, text } : text);
      } else {
        setMessage({ ok: false, text: outcome.error });
      }
      setRunning((n) => n - 1);
      return outcome;
    },
    [refresh],
  );
  const clear = useCallback(() => setMessage(null), []);
  return { busy: running > 0, message, run, clear };
}
