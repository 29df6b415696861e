import { type KeyboardEvent, useEffect } from 'react';
import { useIncidents } from '../app-context';
import { formatAge, formatCountdown } from '../format';
import { navigate } from '../use-hash-route';
import { SeverityBadge, StatusBadge } from './SeverityBadge';

export function IncidentLog() {
  const incidents = useIncidents((s) => s.incidents);
  const filter = useIncidents((s) => s.filter);
  const lifecycle = useIncidents((s) => s.lifecycle);
  const setFilter = useIncidents((s) => s.setFilter);
  const refresh = useIncidents((s) => s.refresh);
  const now = Date.now();

  useEffect(() => {
    void refresh().catch(() => {});
  }, [refresh]);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    const row = event.currentTarget;
    if (event.key === 'Enter') navigate({ view: 'incident', id });
    if (event.key === 'ArrowDown') (row.nextElementSibling as HTMLElement | null)?.focus();
    if (event.key === 'ArrowUp') (row.previousElementSibling as HTMLElement | null)?.focus();
  };

  return (
    <section aria-labelledby="log-heading">
      <header className="toolbar">
        <h1 id="log-heading">Incident log</h1>
        <label>
          Show{' '}
          <select value={filter} onChange={(e) => void setFilter(e.target.value).catch(() => {})} aria-label="Filter by status">
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
      {incidents.length === 0 ? (
        <p className="empty">No {filter === 'all' ? '' : `${filter} `}incidents.</p>
      ) : (
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
          <tbody>
            {incidents.map((incident) => (
              <tr
                key={incident.id}
                tabIndex={0}
                aria-label={`${incident.severity} ${incident.title}`}
                onClick={() => navigate({ view: 'incident', id: incident.id })}
                onKeyDown={(e) => onRowKey(e, incident.id)}
              >
                <td>
                  <SeverityBadge severity={incident.severity} />
                </td>
                <td>
                  <StatusBadge status={incident.status} name={lifecycle?.statuses.find((s) => s.key === incident.status)?.name} />
                </td>
                <td>{incident.title}</td>
                <td className="progress">{incident.checklist.total ? `${incident.checklist.done}/${incident.checklist.total}` : '—'}</td>
                <td className={incident.timers[0] && incident.timers[0].dueAt < now ? 'error-text' : ''}>
                  {incident.timers[0] ? `${incident.timers[0].kind} ${formatCountdown(incident.timers[0].dueAt, now)}` : '—'}
                </td>
                <td>{formatAge(now - incident.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
