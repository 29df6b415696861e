import { useState } from 'react';
import type { Lifecycle } from '../../preload/contract';
import { useApi } from '../app-context';
import { useLifecycle } from '../store/incident-queries';
import { useMutation } from '../store/use-mutation';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

type Status = Lifecycle['statuses'][number];

// The statuses incidents move through: order, which are open, which start the post-fix watch, allowed moves.
export function StatusesEditor() {
  const api = useApi();
  const lifecycle = useLifecycle();
  // The saved statuses until someone edits them here.
  const [draft, setDraft] = useState<Status[] | null>(null);
  const saving = useMutation(lifecycle.refresh);
  const rows = draft ?? lifecycle.data?.statuses ?? [];

  const set = (i: number, patch: Partial<Status>) => setDraft(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = async () => {
    if ((await saving.run(() => api.call('lifecycle.set', { lifecycle: { statuses: rows } }), () => 'Statuses saved.')).ok) setDraft(null);
  };

  return (
    <section className="panel" aria-labelledby="statuses-heading">
      <h2 id="statuses-heading">Statuses</h2>
      <QueryStatus query={lifecycle} what="the statuses" />
      <table className="scheme">
        <thead>
          <tr>
            <th>Key</th>
            <th>Name</th>
            <th>Open</th>
            <th>Starts watch</th>
            <th>Can move to</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input aria-label={`Status ${i + 1} key`} size={12} value={r.key} onChange={(e) => set(i, { key: e.target.value })} />
              </td>
              <td>
                <input aria-label={`Status ${i + 1} name`} value={r.name} onChange={(e) => set(i, { name: e.target.value })} />
              </td>
              <td>
                <input type="checkbox" aria-label={`${r.name} is open`} checked={r.open} onChange={(e) => set(i, { open: e.target.checked })} />
              </td>
              <td>
                <input type="checkbox" aria-label={`${r.name} starts the post-fix watch`} checked={r.watch} onChange={(e) => set(i, { watch: e.target.checked })} />
              </td>
              <td>
                <input
                  aria-label={`${r.name} can move to`}
                  value={r.next.join(', ')}
                  onChange={(e) => set(i, { next: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <button type="button" onClick={() => setDraft([...rows, { key: '', name: '', open: true, watch: false, next: [] }])}>
          Add status
        </button>
        <button type="button" className="primary" disabled={saving.busy} onClick={() => void save()}>
          Save statuses
        </button>
      </div>
      <StatusLine message={saving.message} />
    </section>
  );
}
