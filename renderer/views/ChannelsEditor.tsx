import { useState } from 'react';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

const EMPTY = { name: '', kind: 'slack' as 'slack' | 'json', url: '' };

// Webhook URLs are write-only here: they are sealed in the engine and never sent back to a window.
export function ChannelsEditor() {
  const api = useApi();
  const query = useQuery('channels.list');
  const [form, setForm] = useState(EMPTY);
  const adding = useMutation(query.refresh);
  const removing = useMutation(query.refresh);

  const add = async () => {
    const outcome = await adding.run(() => api.call('channels.save', form), () => `Channel ${form.name} saved; its URL is stored encrypted.`);
    if (outcome.ok) setForm(EMPTY);
  };

  return (
    <section className="panel" aria-labelledby="channels-heading">
      <h2 id="channels-heading">Update channels</h2>
      <QueryStatus query={query} what="the update channels" />
      <ul>
        {query.data?.map((c) => (
          <li key={c.id}>
            {c.name} ({c.kind === 'slack' ? 'Slack incoming webhook' : 'JSON webhook'}){' '}
            <button type="button" disabled={removing.busy} onClick={() => void removing.run(() => api.call('channels.delete', { id: c.id }))}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <StatusLine message={removing.message} />
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label="Channel name" placeholder="Name, e.g. #incidents" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <select aria-label="Channel kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as 'slack' | 'json' })}>
          <option value="slack">Slack incoming webhook</option>
          <option value="json">JSON webhook</option>
        </select>
        <input aria-label="Webhook URL" placeholder="https://hooks…" value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} />
        <button type="submit" className="primary" disabled={adding.busy}>
          Add channel
        </button>
      </form>
      <StatusLine message={adding.message} />
    </section>
  );
}
