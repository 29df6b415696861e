import { type KeyboardEvent, useEffect, useRef } from 'react';
import { formatCountdown, formatDuration } from '../../main/shared/time-format';
import { useIncidentList, useLifecycle } from '../store/incident-queries';
import { useLogFilter } from '../store/log-filter';
import { navigate } from '../use-hash-route';
import { useNow } from '../use-now';
import { QueryStatus } from './QueryStatus';
import { SeverityBadge, StatusBadge } from './SeverityBadge';

export function IncidentLog() {
  const { filter, setFilter, lastOpened, opened } = useLogFilter();
  const list = useIncidentList(filter);
  const lifecycle = useLifecycle().data;
  const incidents = list.data;
  const now = useNow();
  const body = useRef<HTMLTableSectionElement>(null);
  const focused = useRef(false);

  // Arrows work as soon as the log opens: the row last opened (or the first) has the focus, unless
  // the person already put it somewhere else.
  useEffect(() => {
    if (focused.current || !incidents?.length || !body.current) return;
    focused.current = true;
    if (document.activeElement !== document.body) return;
    const row = body.current.querySelector<HTMLElement>(`tr[data-id="${lastOpened}"]`) ?? body.current.querySelector<HTMLElement>('tr');
    row?.focus();
  }, [incidents, lastOpened]);

  const open = (id: number) => {
    opened(id);
    navigate({ view: 'incident', id });
  };
  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    const row = event.currentTarget;
    const move = (to: Element | null | undefined) => {
      if (!(to instanceof HTMLElement)) return;
      event.preventDefault();
      to.focus();
    };
    if (event.key === 'Enter') open(id);
    if (event.key === 'ArrowDown') move(row.nextElementSibling);
    if (event.key === 'ArrowUp') move(row.previousElementSibling);
    if (event.key === 'Home') move(row.parentElement?.firstElementChild);
    if (event.key === 'End') move(row.parentElement?.lastElementChild);
  };

  return (
    <section aria-labelledby="log-heading">
      <header className="toolbar">
        <h1 id="log-heading">Incident log</h1>
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter by status">
            <option value="open">Open</option>
            <option value="all">All</option>
            {lifecycle?.statuses.map((s) => (
              <option key={s.key} value={s.key}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={() => navigate({ view: 'declare' })} title="Declare incident (n)">
          Declare incident…
        </button>
      </header>
      <QueryStatus query={list} what="the incidents" />
      {incidents?.length === 0 && <p className="empty">No {filter === 'all' ? '' : `${filter} `}incidents.</p>}
      {incidents && incidents.length > 0 && (
        <table className="incident-log">
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Status</th>
              <th scope="col">Title</th>
              <th scope="col">Checklist</th>
              <th scope="col">Next due</th>
              <th scope="col">Age</th>
            </tr>
          </thead>
          <tbody ref={body}>
            {incidents.map((incident) => {
              const status = lifecycle?.statuses.find((s) => s.key === incident.status);
              const timer = incident.timers[0];
              return (
                <tr
                  key={incident.id}
                  data-id={incident.id}
                  tabIndex={0}
                  aria-label={`${incident.severity} ${incident.title}`}
                  onClick={() => open(incident.id)}
                  onKeyDown={(e) => onRowKey(e, incident.id)}
                >
                  <td>
                    <SeverityBadge severity={incident.severity} />
                  </td>
                  <td>
                    <StatusBadge status={incident.status} name={status?.name} open={status?.open} />
                  </td>
                  <td>{incident.title}</td>
                  <td className="progress">{incident.checklist.total ? `${incident.checklist.done}/${incident.checklist.total}` : '—'}</td>
                  <td className={timer && timer.dueAt < now ? 'error-text' : ''}>{timer ? `${timer.kind} ${formatCountdown(timer.dueAt, now)}` : '—'}</td>
                  <td>{formatDuration(now - incident.createdAt)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {incidents && incidents.length > 0 && <p className="muted small">↑ ↓ to move, Enter to open, n to declare, Esc to come back.</p>}
    </section>
  );
}
