import { useState } from 'react';
import type { IntakeKind, IntakeListener, IntegrationWithToken } from '../../preload/contract';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

const KIND_LABELS: Record<IntakeKind, string> = { alertmanager: 'Alertmanager webhook', json: 'Plain JSON' };

// In a browser the page comes from `serve`, which takes intake requests on its own port; the app has its own listener.
function intakeBase(listener: IntakeListener): string {
  return window.location.protocol.startsWith('http') ? window.location.origin : `http://${listener.host}:${listener.port}`;
}

function curlExample(made: IntegrationWithToken, base: string): string {
  const body =
    made.kind === 'json'
      ? '{"title":"Checkout 502s","severity":"P2","service":"shop","dedupeKey":"checkout-502"}'
      : '{"version":"4","groupKey":"g","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"DiskFull","severity":"critical"},"annotations":{},"startsAt":"2026-01-01T00:00:00Z","endsAt":"0001-01-01T00:00:00Z","fingerprint":"diskfull-db1"}]}';
  return `curl -X POST ${base}${made.path} \\\n  -H 'Authorization: Bearer ${made.token}' \\\n  -H 'Content-Type: application/json' \\\n  -d '${body}'`;
}

// Alerting tools post incidents with an integration's token; the token is shown here once, when made or rotated.
export function IntegrationsEditor() {
  const api = useApi();
  const query = useQuery('integrations.list');
  const [form, setForm] = useState<{ name: string; kind: IntakeKind }>({ name: '', kind: 'alertmanager' });
  const [shown, setShown] = useState<IntegrationWithToken | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const adding = useMutation(query.refresh);
  const changing = useMutation(query.refresh);
  const base = query.data ? intakeBase(query.data.listener) : '';

  const reveal = (made: IntegrationWithToken) => {
    setShown(made);
    setCopied(null);
  };
  const add = async () => {
    const outcome = await adding.run(() => api.call('integrations.add', form), (made) => `Integration ${made.name} added. Copy its token now: it is not shown again.`);
    if (outcome.ok) {
      reveal(outcome.value);
      setForm({ ...form, name: '' });
    }
  };
  const rotate = async (name: string) => {
    adding.clear();
    const outcome = await changing.run(() => api.call('integrations.rotate', { name }), () => `Integration ${name} has a new token; the old one no longer works.`);
    if (outcome.ok) reveal(outcome.value);
  };
  const remove = async (name: string) => {
    adding.clear();
    const outcome = await changing.run(() => api.call('integrations.delete', { name }), () => `Integration ${name} deleted; its token no longer works.`);
    if (outcome.ok && shown?.name === name) setShown(null);
  };
  const copy = (text: string, what: string) =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(`${what} copied.`),
      () => setCopied('The clipboard refused; select the text and copy it by hand.'),
    );

  return (
    <section className="panel" aria-labelledby="integrations-heading">
      <h2 id="integrations-heading">Integrations</h2>
      <p className="muted">
        Alertmanager and scripts open and update incidents by posting to {base || 'this app'} with an integration&apos;s token. A re-sent alert never opens a second
        incident.
      </p>
      <QueryStatus query={query} what="the integrations" />
      <ul aria-label="Integrations">
        {query.data?.integrations.map((i) => (
          <li key={i.name}>
            <strong>{i.name}</strong> — {KIND_LABELS[i.kind]} <code>POST {i.path}</code>{' '}
            <span className="muted">{i.lastUsedAt === null ? 'never used' : `last used ${new Date(i.lastUsedAt).toLocaleString()}`}</span>{' '}
            <button type="button" disabled={changing.busy} onClick={() => void rotate(i.name)}>
              Rotate token
            </button>{' '}
            <button type="button" disabled={changing.busy} onClick={() => void remove(i.name)}>
              Delete
            </button>
          </li>
        ))}
      </ul>
      <StatusLine message={changing.message} />
      {shown && (
        <div role="region" aria-label={`Token of ${shown.name}`}>
          <p>
            Token of <strong>{shown.name}</strong>, shown only now:
          </p>
          <div className="row">
            <input aria-label="Integration token" readOnly size={52} value={shown.token} onFocus={(e) => e.target.select()} />
            <button type="button" onClick={() => void copy(shown.token, 'Token')}>
              Copy token
            </button>
          </div>
          <pre aria-label="curl example">{curlExample(shown, base)}</pre>
          <button type="button" onClick={() => void copy(curlExample(shown, base), 'Example')}>
            Copy example
          </button>{' '}
          <button type="button" onClick={() => setShown(null)}>
            Done
          </button>
          {copied && <p role="status">{copied}</p>}
        </div>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label="Integration name" placeholder="Name, e.g. alertmanager-prod" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <select aria-label="Integration kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as IntakeKind })}>
          {Object.entries(KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" className="primary" disabled={adding.busy}>
          Add integration
        </button>
      </form>
      <StatusLine message={adding.message} />
      {query.data && <ListenerForm listener={query.data.listener} refresh={query.refresh} />}
    </section>
  );
}

// Where the desktop app takes intake requests; `serve` uses its own port. Applies when the app next starts.
function ListenerForm({ listener, refresh }: { listener: IntakeListener; refresh: () => Promise<void> }) {
  const api = useApi();
  const [host, setHost] = useState(listener.host);
  const [port, setPort] = useState(String(listener.port));
  const saving = useMutation(refresh);
  const save = () =>
    void saving.run(
      () => api.call('integrations.listen', { host: host.trim(), port: Number(port) }),
      (saved) =>
        `The app will listen on ${saved.host}:${saved.port} from its next start${saved.host === '127.0.0.1' || saved.host === 'localhost' || saved.host === '::1' ? '' : '; other machines can reach that address'}.`,
    );
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <label>
        Desktop intake address <input aria-label="Intake address" value={host} onChange={(e) => setHost(e.target.value)} />
      </label>
      <label>
        Port <input aria-label="Intake port" inputMode="numeric" value={port} onChange={(e) => setPort(e.target.value)} />
      </label>
      <button type="submit" disabled={saving.busy}>
        Save address
      </button>
      <StatusLine message={saving.message} />
    </form>
  );
}
