import { useState } from 'react';
import type { Checklist } from '../../preload/contract';
import { formatDateTime } from '../../main/shared/time-format';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { StatusLine } from './StatusLine';

interface Props {
  checklists: Checklist[];
  refresh: () => Promise<void>;
  compact?: boolean;
}

export function ChecklistPanel({ checklists, refresh, compact = false }: Props) {
  if (checklists.length === 0) return <p className="empty">No checklists attached.</p>;
  return (
    <div className={compact ? 'checklists compact' : 'checklists'}>
      {checklists.map((list) => (
        <ChecklistBox key={list.id} list={list} refresh={refresh} compact={compact} />
      ))}
    </div>
  );
}

function ChecklistBox({ list, refresh, compact }: { list: Checklist; refresh: () => Promise<void>; compact: boolean }) {
  const api = useApi();
  const saving = useMutation(refresh);
  const [adding, setAdding] = useState('');
  // Shown at once; the tick is confirmed when the engine has stamped it, and undone beside the reason when it failed.
  const [pending, setPending] = useState<Record<number, boolean>>({});
  const tick = async (itemId: number, done: boolean) => {
    setPending((p) => ({ ...p, [itemId]: done }));
    await saving.run(() => api.call('checklists.tick', { itemId, done }));
    setPending(({ [itemId]: _settled, ...rest }) => rest);
  };
  const add = async () => {
    const text = adding.trim();
    if (!text) return;
    if ((await saving.run(() => api.call('checklists.addItem', { checklistId: list.id, text }))).ok) setAdding('');
  };

  const done = list.items.filter((i) => i.doneAt !== null).length;
  return (
    <fieldset className="checklist">
      <legend>
        {list.title} <span className="muted">{done}/{list.items.length}</span>
      </legend>
      {list.items.map((item) => (
        <label key={item.id} className={item.doneAt ? 'item done' : 'item'}>
          <input type="checkbox" checked={pending[item.id] ?? item.doneAt !== null} onChange={(e) => void tick(item.id, e.target.checked)} />
          <span>{item.text}</span>
          {item.doneAt && !compact && (
            <span className="muted small">
              {' '}
              — {item.doneBy}, {formatDateTime(item.doneAt)}
            </span>
          )}
        </label>
      ))}
      <form
        className="add-item"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input aria-label={`Add an item to ${list.title}`} placeholder="Add an item…" value={adding} onChange={(e) => setAdding(e.target.value)} />
      </form>
      <StatusLine message={saving.message} />
    </fieldset>
  );
}
