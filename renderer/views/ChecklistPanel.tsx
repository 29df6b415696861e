import { useState } from 'react';
import type { Checklist, ChecklistPhase, IncidentDetail } from '../../preload/contract';
import { formatDateTime } from '../../main/shared/time-format';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { ChecklistOffers } from './ChecklistOffers';
import { PHASES, progress } from './checklist-phases';
import { StatusLine } from './StatusLine';

interface Props {
  detail: Pick<IncidentDetail, 'incident' | 'checklists' | 'checklistPhase'>;
  refresh: () => Promise<void>;
  compact?: boolean;
}

// Lists grouped by phase, only the phase being worked open: a P1 with a runbook has dozens of
// items, most of them for later. A phase opened or closed by hand stays so until the default
// (which follows the incident) agrees with it again.
export function ChecklistPanel({ detail, refresh, compact = false }: Props) {
  const { incident, checklists, checklistPhase } = detail;
  const [byHand, setByHand] = useState<Partial<Record<ChecklistPhase, boolean>>>({});
  const isOpen = (phase: ChecklistPhase) => byHand[phase] ?? phase === checklistPhase;
  const toggled = (phase: ChecklistPhase, open: boolean) =>
    setByHand(({ [phase]: _was, ...rest }) => (open === (phase === checklistPhase) ? rest : { ...rest, [phase]: open }));
  const phases = PHASES.filter(({ phase }) => checklists.some((l) => l.phase === phase));

  return (
    <div className={compact ? 'checklists compact' : 'checklists'}>
      {checklists.length === 0 && <p className="empty">No checklists attached.</p>}
      {phases.map(({ phase, title }) => {
        const lists = checklists.filter((l) => l.phase === phase);
        const { done, total } = progress(lists);
        return (
          <details key={phase} className="checklist-phase" open={isOpen(phase)} onToggle={(e) => toggled(phase, e.currentTarget.open)}>
            <summary>
              <span className="phase-title">{title}</span>{' '}
              <span className="muted">
                {done}/{total}
              </span>
              {phase === checklistPhase && (
                <>
                  {' '}
                  <span className="phase-now">now</span>
                </>
              )}
            </summary>
            {lists.map((list) => (
              <ChecklistBox key={list.id} list={list} refresh={refresh} compact={compact} />
            ))}
          </details>
        );
      })}
      <ChecklistOffers incidentId={incident.id} refresh={refresh} onAttached={(phase) => toggled(phase, true)} />
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
