import { useEffect, useState } from 'react';
import type { ResultOf } from '../../preload/contract';
import { useApi, useIncidents } from '../app-context';
import { download, formatDuration } from '../format';
import { navigate } from '../use-hash-route';
import { SeverityBadge } from './SeverityBadge';

const DAY = 86_400_000;
const PERIODS = [
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last year', days: 365 },
];

export function HistoryView() {
  const api = useApi();
  const lifecycle = useIncidents((s) => s.lifecycle);
  const [query, setQuery] = useState('');
  const [severity, setSeverity] = useState('');
  const [status, setStatus] = useState('');
  const [service, setService] = useState('');
  const [days, setDays] = useState(30);
  const [hits, setHits] = useState<ResultOf<'incidents.search'>>([]);
  const [metrics, setMetrics] = useState<ResultOf<'incidents.metrics'> | null>(null);

  useEffect(() => {
    const from = Date.now() - days * DAY;
    const timer = setTimeout(() => {
      void api
        .call('incidents.search', { query, severity: severity || undefined, status: status || undefined, service: service || undefined, from })
        .then(setHits)
        .catch(() => {});
    }, 200);
    return () => clearTimeout(timer);
  }, [api, query, severity, status, service, days]);

  useEffect(() => {
    void api.call('incidents.metrics', { from: Date.now() - days * DAY, to: Date.now() + 1 }).then(setMetrics).catch(() => {});
  }, [api, days]);

  const exportAs = async (format: 'json' | 'csv') => {
    const file = await api.call('incidents.export', { format, from: Date.now() - days * DAY });
    download(file.filename, file.mime, file.content);
  };

  return (
    <section aria-labelledby="history-heading">
      <header className="toolbar">
        <h1 id="history-heading">History</h1>
        <button type="button" onClick={() => void exportAs('csv')}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('json')}>
          Export JSON
        </button>
      </header>
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
      {metrics && (
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
            {[...metrics.bySeverity, metrics.overall].map((m) => (
              <tr key={m.severity}>
                <td>{m.severity}</td>
                <td>{m.count}</td>
                <td>{formatDuration(m.mttaMs)}</td>
                <td>{formatDuration(m.mttrMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="hits" aria-label="Search results">
        {hits.map((h) => (
          <li key={`${h.incidentId}-${h.entryId ?? 'i'}`}>
            <button type="button" className="link" onClick={() => navigate({ view: 'incident', id: h.incidentId })}>
              <SeverityBadge severity={h.severity} /> #{h.incidentId} {h.title}
            </button>{' '}
            <span className="muted">{new Date(h.createdAt).toLocaleDateString()}</span>
            {h.snippet && <div className="snippet">{h.snippet}</div>}
          </li>
        ))}
      </ul>
      {hits.length === 0 && <p className="empty">Nothing found.</p>}
    </section>
  );
}
