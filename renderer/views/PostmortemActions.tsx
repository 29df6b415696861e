import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PostmortemAction } from '../../preload/contract';
import { formatDateTime, formatDayMonth } from '../../main/shared/time-format';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { ExplainedButton } from './ExplainedButton';
import { StatusLine } from './StatusLine';

interface Props {
  incidentId: number;
  actions: PostmortemAction[];
  refresh: () => Promise<void>;
}

interface Fields {
  text: string;
  owner: string;
  due: string;
}

const EMPTY: Fields = { text: '', owner: '', due: '' };

/** "5 Dec 2026": a due date is a calendar day, the same wherever it is read. */
export function formatDue(due: string): string {
  return `${formatDayMonth(Date.parse(`${due}T12:00:00Z`), 'UTC')} ${due.slice(0, 4)}`;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// Action items as rows that are owned, dated and ticked off after the post-mortem is written; the
// document's "Action Items" section is written from them.
export function PostmortemActions({ incidentId, actions, refresh }: Props) {
  const api = useApi();
  const saving = useMutation(refresh);
  const [adding, setAdding] = useState<Fields>(EMPTY);
  const [editing, setEditing] = useState<number | null>(null);
  const addText = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // After an edit ends, the keyboard is back on that item's Edit button rather than at the top of the page.
  const [lastEdited, setLastEdited] = useState<number | null>(null);
  useEffect(() => {
    if (editing !== null || lastEdited === null) return;
    list.current?.querySelector<HTMLButtonElement>(`[data-action-id="${lastEdited}"] .pm-action-edit`)?.focus();
    setLastEdited(null);
  }, [editing, lastEdited]);
  const stopEditing = (id: number) => {
    setEditing(null);
    setLastEdited(id);
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const outcome = await saving.run(
      () => api.call('postmortem.actions.add', { incidentId, text: adding.text, owner: adding.owner, due: adding.due || null }),
      (a) => `Added “${a.text}”.`,
    );
    if (outcome.ok) {
      setAdding(EMPTY);
      addText.current?.focus();
    }
  };
  // A tick shows at once and settles when the engine has stamped it (or goes back beside the reason it failed).
  const [ticking, setTicking] = useState<Record<number, boolean>>({});
  const done = async (item: PostmortemAction, value: boolean) => {
    setTicking((t) => ({ ...t, [item.id]: value }));
    await saving.run(
      () => api.call('postmortem.actions.update', { id: item.id, done: value }),
      (a) => (value ? `Done: “${a.text}”.` : `Open again: “${a.text}”.`),
    );
    setTicking(({ [item.id]: _settled, ...rest }) => rest);
  };
  const remove = async (item: PostmortemAction) => {
    const outcome = await saving.run(
      () => api.call('postmortem.actions.delete', { id: item.id }),
      () => `Deleted “${item.text}”.`,
    );
    if (outcome.ok) addText.current?.focus();
  };
  const pending = today();

  return (
    <section className="panel pm-actions" aria-labelledby="pm-actions-heading">
      <h2 id="pm-actions-heading">Action items</h2>
      {actions.length === 0 ? (
        <p className="empty">No action items yet. Add what should change so this does not happen again, with an owner and a due date.</p>
      ) : (
        <ul ref={list} className="pm-action-list" aria-label="Action items">
          {actions.map((item) =>
            editing === item.id ? (
              <li key={item.id}>
                <ActionEditor
                  item={item}
                  busy={saving.busy}
                  onSave={async (fields) => {
                    const outcome = await saving.run(
                      () => api.call('postmortem.actions.update', { id: item.id, text: fields.text, owner: fields.owner, due: fields.due || null }),
                      (a) => `Saved “${a.text}”.`,
                    );
                    if (outcome.ok) stopEditing(item.id);
                  }}
                  onCancel={() => stopEditing(item.id)}
                />
              </li>
            ) : (
              <li key={item.id} data-action-id={item.id} className={item.doneAt === null ? 'pm-action' : 'pm-action done'}>
                <label className="pm-action-text">
                  <input type="checkbox" checked={ticking[item.id] ?? item.doneAt !== null} onChange={(e) => void done(item, e.target.checked)} />
                  <span>{item.text}</span>
                </label>
                <span className="pm-action-owner">{item.owner ? `Owner: ${item.owner}` : <span className="muted">No owner</span>}</span>
                <span className={item.due && item.doneAt === null && item.due < pending ? 'pm-action-due overdue' : 'pm-action-due'}>
                  {item.due ? `Due ${formatDue(item.due)}${item.doneAt === null && item.due < pending ? ' (overdue)' : ''}` : <span className="muted">No due date</span>}
                </span>
                {item.doneAt !== null && (
                  <span className="muted small">
                    done by {item.doneBy}, {formatDateTime(item.doneAt)}
                  </span>
                )}
                <span className="pm-action-buttons">
                  <button type="button" className="pm-action-edit" aria-label={`Edit “${item.text}”`} disabled={saving.busy} onClick={() => setEditing(item.id)}>
                    Edit
                  </button>
                  <button type="button" aria-label={`Delete “${item.text}”`} disabled={saving.busy} onClick={() => void remove(item)}>
                    Delete
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <form className="pm-action-form" aria-label="Add an action item" onSubmit={(e) => void add(e)}>
        <input
          ref={addText}
          aria-label="New action item"
          placeholder="Action item…"
          value={adding.text}
          onChange={(e) => setAdding({ ...adding, text: e.target.value })}
        />
        <input aria-label="Owner of the new action item" placeholder="Owner" value={adding.owner} onChange={(e) => setAdding({ ...adding, owner: e.target.value })} />
        <input type="date" aria-label="Due date of the new action item" value={adding.due} onChange={(e) => setAdding({ ...adding, due: e.target.value })} />
        <ExplainedButton type="submit" disabled={saving.busy} blockedBy={adding.text.trim() ? null : 'Type the action item first.'}>
          Add action item
        </ExplainedButton>
      </form>
      <StatusLine message={saving.message} />
    </section>
  );
}

interface EditorProps {
  item: PostmortemAction;
  busy: boolean;
  onSave: (fields: Fields) => Promise<void>;
  onCancel: () => void;
}

function ActionEditor({ item, busy, onSave, onCancel }: EditorProps) {
  const [fields, setFields] = useState<Fields>({ text: item.text, owner: item.owner, due: item.due ?? '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void onSave(fields);
  };
  // Escape drops the edit only; it must not also leave the post-mortem.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    onCancel();
  };
  return (
    <form className="pm-action-form editing" aria-label={`Edit action item “${item.text}”`} onSubmit={submit} onKeyDown={onKeyDown}>
      <input aria-label="Action item" autoFocus value={fields.text} onChange={(e) => setFields({ ...fields, text: e.target.value })} />
      <input aria-label="Owner" value={fields.owner} onChange={(e) => setFields({ ...fields, owner: e.target.value })} />
      <input type="date" aria-label="Due date" value={fields.due} onChange={(e) => setFields({ ...fields, due: e.target.value })} />
      <button type="submit" className="primary" disabled={busy}>
        Save
      </button>
      <button type="button" disabled={busy} onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
