import { useState } from 'react';
import { useApi } from '../app-context';
import { formatDateTime, formatDuration } from '../../main/shared/time-format';
import { download } from '../format';
import { useLifecycle } from '../store/incident-queries';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { useDebounced } from '../use-debounced';
import { navigate } from '../use-hash-route';
import { useNow } from '../use-now';
import { QueryStatus } from './QueryStatus';
import { SeverityBadge } from './SeverityBadge';
import { StatusLine } from './StatusLine';

const DAY = 86_400_000;
const MINUTE = 60_000;
const CHANGES = { refreshOn: { 'incidents.changed': true } } as const;
const PERIODS = [
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last year', days: 365 },
];

export function HistoryView() {
  const api = useApi();
  const lifecycle = useLifecycle().data;
  const [query, setQuery] = useState('');
  const [severity, setSeverity] = useState('');
  const [status, setStatus] = useState('');
  const [service, setService] = useState('');
  const [days, setDays] = useState(30);
  // Moves on once a minute, so the period follows the clock without every render being a new request.
  const now = useNow(MINUTE);
  const from = now - days * DAY;
  const typedQuery = useDebounced(query, 200);
  const typedService = useDebounced(service, 200);
  const hits = useQuery('incidents.search', { query: typedQuery, severity: severity || undefined, status: status || undefined, service: typedService || undefined, from }, CHANGES);
  const metrics = useQuery('incidents.metrics', { from, to: now + MINUTE }, CHANGES);
  const exporting = useMutation();

  const exportAs = (format: 'json' | 'csv') =>
    exporting.run(async () => {
      const file = await api.call('incidents.export', { format, from });
      download(file.filename, file.mime, file.content);
    });

  return (
    <section aria-labelledby="history-heading">
      <header className="toolbar">
        <h1 id="history-heading">History</h1>
        <button type="button" disabled={exporting.busy} onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" disabled={exporting.busy} onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </header>
      <StatusLine message={exporting.message} />
      <div className="filters row">
        <input type="search" aria-label="Search incidents, notes and timeline" placeholder="Search incidents, notes, timeline…" value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
        <select aria-label="Severity" value={severity} onChange={(e) => setSeverity(e.target.value)}>
          <option value="">Any severity</option>
          {lifecycle?.severities.map((l) => (
            <option key={l.key} value={l.key}>
              {l.key}
            </option>
          ))}
        </select>
        <select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">Any status</option>
          {lifecycle?.statuses.map((s) => (
            <option key={s.key} value={s.key}>
              {s.name}
            </option>
          ))}
        </select>
        <input aria-label="Service" placeholder="Service" value={service} onChange={(e) => setService(e.target.value)} />
        <select aria-label="Period" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {PERIODS.map((p) => (
            <option key={p.days} value={p.days}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <QueryStatus query={metrics} what="the response times" quiet />
      {metrics.data && (
        <table className="metrics" aria-label="MTTA and MTTR by severity">
          <thead>
            <tr>
              <th>Severity</th>
              <th>Incidents</th>
              <th>MTTA</th>
              <th>MTTR</th>
            </tr>
          </thead>
          <tbody>
            {[...metrics.data.bySeverity, metrics.data.overall].map((m) => (
              <tr key={m.severity}>
                <td>{m.severity}</td>
                <td>{m.count}</td>
                <td>{m.mttaMs === null ? '—' : formatDuration(m.mttaMs)}</td>
                <td>{m.mttrMs === null ? '—' : formatDuration(m.mttrMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <QueryStatus query={hits} what="the search results" />
      <ul className="hits" aria-label="Search results">
        {hits.data?.map((h) => (
          <li key={`${h.incidentId}-${h.entryId ?? 'i'}`}>
            <button type="button" className="link" onClick={() => navigate({ view: 'incident', id: h.incidentId })}>
              <SeverityBadge severity={h.severity} /> #{h.incidentId} {h.title}
            </button>{' '}
            <span className="muted">{formatDateTime(h.createdAt)}</span>
            {h.snippet && <div className="snippet">{h.snippet}</div>}
          </li>
        ))}
      </ul>
      {hits.data?.length === 0 && <p className="empty">Nothing found.</p>}
    </section>
  );
}
