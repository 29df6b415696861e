import { useState } from 'react';
import type { SourceInput, SourceKindName } from '../../preload/contract';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

const EMPTY: SourceInput = { name: '', kind: 'alertmanager', url: '', repo: '', token: '' };

type KindField = { key: 'url' | 'repo'; label: string; placeholder: string };

// The form of each kind of source; keyed by the contract's kinds, so a new kind must say what it asks for.
const KIND_FORMS: Record<SourceKindName, { label: string; fields: KindField[] }> = {
  alertmanager: { label: 'Alertmanager', fields: [{ key: 'url', label: 'Alertmanager URL', placeholder: 'http://127.0.0.1:9093' }] },
  'github-actions': { label: 'GitHub Actions', fields: [{ key: 'repo', label: 'Repository', placeholder: 'owner/repository' }] },
};

// Alert sources added here sit beside those in the config file (which are edited there).
export function SourcesEditor() {
  const api = useApi();
  const query = useQuery('alerts.list', {}, { refreshOn: { 'alerts.changed': true } });
  const [form, setForm] = useState<SourceInput>(EMPTY);
  const saving = useMutation(query.refresh);
  const removing = useMutation(query.refresh);

  const save = async () => {
    const input = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '')) as SourceInput;
    const outcome = await saving.run(() => api.call('sources.save', input), () => `Source ${form.name} saved${form.token ? '; its token is stored encrypted' : ''}.`);
    if (outcome.ok) setForm(EMPTY);
  };

  return (
    <section className="panel" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Alert sources</h2>
      <QueryStatus query={query} what="the alert sources" />
      <ul>
        {query.data?.sources.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong> — {s.kind} {s.target} <span className="muted">({s.origin === 'file' ? 'from the config file' : 'added here'})</span>{' '}
            {s.origin === 'app' && (
              <button type="button" disabled={removing.busy} onClick={() => void removing.run(() => api.call('sources.delete', { name: s.name }))}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      <StatusLine message={removing.message} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input aria-label="Source name" placeholder="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <select aria-label="Source kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as SourceInput['kind'] })}>
          {Object.entries(KIND_FORMS).map(([kind, { label }]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
        {KIND_FORMS[form.kind].fields.map((f) => (
          <input key={f.key} aria-label={f.label} placeholder={f.placeholder} value={form[f.key] ?? ''} onChange={(e) => setForm({ ...form, [f.key]: e.target.value })} />
        ))}
        <input aria-label="Token" type="password" placeholder="Token (optional)" value={form.token} onChange={(e) => setForm({ ...form, token: e.target.value })} />
        <button type="submit" className="primary" disabled={saving.busy}>
          Add source
        </button>
      </form>
      <StatusLine message={saving.message} />
    </section>
  );
}
