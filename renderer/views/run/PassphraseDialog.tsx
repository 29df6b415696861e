import { type FormEvent, useEffect, useState } from 'react';
import type { EventPayload } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { useMutation } from '../../store/use-mutation';
import { ExplainedButton } from '../ExplainedButton';
import { StatusLine } from '../StatusLine';
import './run.css';

type Request = EventPayload<'runs.passphrase-needed'>;

// Shown in every window when a key file needs its passphrase. The answer goes
// straight to the engine, which uses it once and keeps nothing.
export function PassphraseDialog() {
  const api = useApi();
  const [requests, setRequests] = useState<Request[]>([]);
  const settle = (requestId: string) => setRequests((list) => list.filter((r) => r.requestId !== requestId));

  useEffect(() => {
    const offNeeded = api.on('runs.passphrase-needed', (r) => setRequests((list) => [...list, r]));
    const offSettled = api.on('runs.passphrase-settled', ({ requestId }) => settle(requestId));
    return () => {
      offNeeded();
      offSettled();
    };
  }, [api]);

  const current = requests[0];
  if (!current) return null;
  return <PassphrasePrompt key={current.requestId} request={current} onAnswered={() => settle(current.requestId)} />;
}

// The prompt stays up until the engine has the answer, so a failed send can be tried again or skipped.
function PassphrasePrompt({ request, onAnswered }: { request: Request; onAnswered: () => void }) {
  const api = useApi();
  const [value, setValue] = useState('');
  const answering = useMutation();
  const answer = async (passphrase: string | null) => {
    if ((await answering.run(() => api.call('runs.answerPassphrase', { requestId: request.requestId, passphrase }))).ok) onAnswered();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void answer(value);
  };

  return (
    <div className="dialog-backdrop">
      <form className="panel dialog" role="dialog" aria-modal="true" aria-labelledby="passphrase-title" onSubmit={submit}>
        <h2 id="passphrase-title">Passphrase for {request.alias}</h2>
        <p>
          {request.attempt > 1 && <strong>Wrong passphrase. </strong>}
          The key <code>{request.keyPath}</code> is encrypted. The passphrase is used once to unlock it and is not stored.
        </p>
        <label>
          Passphrase
          <input
            type="password"
            value={value}
            autoFocus
            autoComplete="off"
            onChange={(e) => setValue(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                void answer(null);
              }
            }}
          />
        </label>
        <StatusLine message={answering.message} />
        <div className="form-actions">
          <ExplainedButton type="submit" className="primary" disabled={answering.busy} blockedBy={value ? null : 'Type the passphrase first.'}>
            Unlock
          </ExplainedButton>
          <button type="button" disabled={answering.busy} onClick={() => void answer(null)}>
            Skip this key
          </button>
        </div>
      </form>
    </div>
  );
}
