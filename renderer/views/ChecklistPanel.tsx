import { useState } from 'react';
import type { Checklist } from '../../preload/contract';
import { useApi, useIncidents } from '../app-context';

export function ChecklistPanel({ incidentId, checklists, compact = false }: { incidentId: number; checklists: Checklist[]; compact?: boolean }) {
  const api = useApi();
  const open = useIncidents((s) => s.open);
  const [adding, setAdding] = useState<Record<number, string>>({});
  // Shown at once; the tick is confirmed when the engine has stamped it.
  const [pending, setPending] = useState<Record<number, boolean>>({});
  const reload = () => open(incidentId).catch(() => {});
  const tick = async (itemId: number, done: boolean) => {
    setPending((p) => ({ ...p, [itemId]: done }));
    await api.call('checklists.tick', { itemId, done }).catch(() => {});
    await reload();
    setPending(({ [itemId]: _settled, ...rest }) => rest);
  };
  const add = async (checklistId: number) => {
    const text = adding[checklistId]?.trim();
    if (!text) return;
    await api.call('checklists.addItem', { checklistId, text }).catch(() => {});
    setAdding((a) => ({ ...a, [checklistId]: '' }));
    await reload();
  };
  if (checklists.length === 0) return <p className="empty">No checklists attached.</p>;
  return (
    <div className={compact ? 'checklists compact' : 'checklists'}>
      {checklists.map((list) => {
        const done = list.items.filter((i) => i.doneAt !== null).length;
        return (
          <fieldset key={list.id} className="checklist">
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
                    — {item.doneBy}, {new Date(item.doneAt).toLocaleTimeString()}
                  </span>
                )}
              </label>
            ))}
            <form
              className="add-item"
              onSubmit={(e) => {
                e.preventDefault();
                void add(list.id);
              }}
            >
              <input
                aria-label={`Add an item to ${list.title}`}
                placeholder="Add an item…"
                value={adding[list.id] ?? ''}
                onChange={(e) => setAdding((a) => ({ ...a, [list.id]: e.target.value }))}
              />
            </form>
          </fieldset>
        );
      })}
    </div>
  );
}
