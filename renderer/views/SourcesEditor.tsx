import { useEffect, useState } from 'react';
import type { ResultOf, SourceInput } from '../../preload/contract';
import { useApi } from '../app-context';
import { type StatusMessage, StatusLine } from './StatusLine';

type Sources = ResultOf<'alerts.list'>['sources'];
const EMPTY: SourceInput = { name: '', kind: 'alertmanager', url: '', repo: '', token: '' };

// Alert sources added here sit beside those in the config file (which are edited there).
export function SourcesEditor() {
  const api = useApi();
  const [sources, setSources] = useState<Sources>([]);
  const [form, setForm] = useState<SourceInput>(EMPTY);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const reload = () => api.call('alerts.list').then((l) => setSources(l.sources));
  useEffect(() => {
    void reload().catch(() => {});
  }, [api]);

  const save = async () => {
    try {
      const input = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '')) as SourceInput;
      await api.call('sources.save', input);
      setMessage({ ok: true, text: `Source ${form.name} saved${form.token ? '; its token is stored encrypted' : ''}.` });
      setForm(EMPTY);
      await reload();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };

  return (
    <section className="panel" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Alert sources</h2>
      <ul>
        {sources.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong> — {s.kind} {s.target} <span className="muted">({s.origin === 'file' ? 'from the config file' : 'added here'})</span>{' '}
            {s.origin === 'app' && (
              <button type="button" onClick={() => void api.call('sources.delete', { name: s.name }).then(reload)}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input aria-label="Source name" placeholder="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <select aria-label="Source kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as SourceInput['kind'] })}>
          <option value="alertmanager">Alertmanager</option>
          <option value="github-actions">GitHub Actions</option>
        </select>
        {form.kind === 'alertmanager' ? (
          <input aria-label="Alertmanager URL" placeholder="http://127.0.0.1:9093" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
        ) : (
          <input aria-label="Repository" placeholder="owner/repository" value={form.repo} onChange={(e) => setForm({ ...form, repo: e.target.value })} />
        )}
        <input aria-label="Token" type="password" placeholder="Token (optional)" value={form.token} onChange={(e) => setForm({ ...form, token: e.target.value })} />
        <button type="submit" className="primary">
          Add source
        </button>
      </form>
      <StatusLine message={message} />
    </section>
  );
}
