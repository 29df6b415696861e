import { type FormEvent, useEffect, useState } from 'react';
import type { EventPayload } from '../../../preload/contract';
import { useApi } from '../../app-context';
import './run.css';

type Request = EventPayload<'runs.passphrase-needed'>;

// Shown in every window when a key file needs its passphrase. The answer goes
// straight to the engine, which uses it once and keeps nothing.
export function PassphraseDialog() {
  const api = useApi();
  const [requests, setRequests] = useState<Request[]>([]);
  const [value, setValue] = useState('');

  useEffect(() => {
    const offNeeded = api.on('runs.passphrase-needed', (r) => setRequests((list) => [...list, r]));
    const offSettled = api.on('runs.passphrase-settled', ({ requestId }) => setRequests((list) => list.filter((r) => r.requestId !== requestId)));
    return () => {
      offNeeded();
      offSettled();
    };
  }, [api]);

  const current = requests[0];
  if (!current) return null;
  const answer = (passphrase: string | null) => {
    setValue('');
    setRequests((list) => list.slice(1));
    void api.call('runs.answerPassphrase', { requestId: current.requestId, passphrase }).catch(() => {});
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    answer(value);
  };

  return (
    <div className="dialog-backdrop">
      <form className="panel dialog" role="dialog" aria-modal="true" aria-labelledby="passphrase-title" onSubmit={submit}>
        <h2 id="passphrase-title">Passphrase for {current.alias}</h2>
        <p>
          {current.attempt > 1 && <strong>Wrong passphrase. </strong>}
          The key <code>{current.keyPath}</code> is encrypted. The passphrase is used once to unlock it and is not stored.
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
                answer(null);
              }
            }}
          />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={!value}>
            Unlock
          </button>
          <button type="button" onClick={() => answer(null)}>
            Skip this key
          </button>
        </div>
      </form>
    </div>
  );
}
