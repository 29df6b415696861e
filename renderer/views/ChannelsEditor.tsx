import { useEffect, useState } from 'react';
import type { UpdateChannel } from '../../preload/contract';
import { useApi } from '../app-context';
import { type StatusMessage, StatusLine } from './StatusLine';

// Webhook URLs are write-only here: they are sealed in the engine and never sent back to a window.
export function ChannelsEditor() {
  const api = useApi();
  const [channels, setChannels] = useState<UpdateChannel[]>([]);
  const [form, setForm] = useState({ name: '', kind: 'slack' as 'slack' | 'json', url: '' });
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const reload = () => api.call('channels.list').then(setChannels);
  useEffect(() => {
    void reload().catch(() => {});
  }, [api]);

  const add = async () => {
    try {
      await api.call('channels.save', form);
      setForm({ name: '', kind: 'slack', url: '' });
      setMessage({ ok: true, text: `Channel ${form.name} saved; its URL is stored encrypted.` });
      await reload();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
  };

  return (
    <section className="panel" aria-labelledby="channels-heading">
      <h2 id="channels-heading">Update channels</h2>
      <ul>
        {channels.map((c) => (
          <li key={c.id}>
            {c.name} ({c.kind === 'slack' ? 'Slack incoming webhook' : 'JSON webhook'}){' '}
            <button type="button" onClick={() => void api.call('channels.delete', { id: c.id }).then(reload)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
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
        <button type="submit" className="primary">
          Add channel
        </button>
      </form>
      <StatusLine message={message} />
    </section>
  );
}
