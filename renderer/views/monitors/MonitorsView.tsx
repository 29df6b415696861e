import { type KeyboardEvent, useState } from 'react';
import type { MonitorSummary } from '../../../preload/contract';
import { formatAgo, formatDuration, plural } from '../../../main/shared/time-format';
import { useMonitorsOverview } from '../../store/monitor-queries';
import { navigate } from '../../use-hash-route';
import { useNow } from '../../use-now';
import { QueryStatus } from '../QueryStatus';
import { ConfigPanel } from './ConfigPanel';
import { MonitorForm } from './MonitorForm';
import { MonitorSettings } from './MonitorSettings';
import { SnoozeMenu } from './SnoozeMenu';
import { Sparkline } from './Sparkline';
import { STATUS_LABEL, STATUS_ORDER, formatUptime } from './status-text';
import './monitors.css';

function byUrgency(a: MonitorSummary, b: MonitorSummary): number {
  return STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.name.localeCompare(b.name);
}

export function MonitorsView() {
  const now = useNow(5_000);
  const query = useMonitorsOverview();
  const [adding, setAdding] = useState(false);

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, id: number) => {
    const row = event.currentTarget;
    if (event.key === 'Enter') navigate({ view: 'monitor', id });
    if (event.key === 'ArrowDown') (row.nextElementSibling as HTMLElement | null)?.focus();
    if (event.key === 'ArrowUp') (row.previousElementSibling as HTMLElement | null)?.focus();
  };

  const data = query.data;
  if (!data) return <QueryStatus query={query} what="the monitors" />;
  const monitors = [...data.monitors].sort(byUrgency);
  const down = monitors.filter((m) => m.status === 'down').length;
  return (
    <section aria-labelledby="monitors-heading">
      <header className="toolbar">
        <h1 id="monitors-heading">Monitors</h1>
        <span className="muted">{down > 0 ? `${down} down of ${monitors.length}` : plural(monitors.length, 'monitor')}</span>
        <SnoozeMenu scope="all" until={data.snoozedUntil} now={now} refresh={query.refresh} />
        <button type="button" className="primary" onClick={() => setAdding(true)} title="Add a monitor kept in the app">
          Add monitor…
        </button>
      </header>
      {data.offlineSince !== null && (
        <p className="banner warn" role="status">
          You are offline (for {formatDuration(now - data.offlineSince)}): checks keep running, but no monitor is reported down until the network is back.
        </p>
      )}
      <QueryStatus query={query} what="the monitors" />
      <ConfigPanel config={data.config} />
      {adding && (
        <MonitorForm
          onCancel={() => setAdding(false)}
          onSaved={(m) => {
            setAdding(false);
            navigate({ view: 'monitor', id: m.id });
          }}
        />
      )}
      {monitors.length === 0 ? (
        <p className="empty">No monitors yet: add one here, or list them in the monitors file.</p>
      ) : (
        <table className="monitor-list">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Monitor</th>
              <th scope="col">Last check</th>
              <th scope="col">Uptime 24 h</th>
              <th scope="col">Latency, 30 min</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {monitors.map((m) => (
              <tr
                key={m.id}
                tabIndex={0}
                aria-label={`${m.name} ${STATUS_LABEL[m.status]}`}
                className={`status-row-${m.status}`}
                onClick={() => navigate({ view: 'monitor', id: m.id })}
                onKeyDown={(e) => onRowKey(e, m.id)}
              >
                <td>
                  <span className={`monitor-status status-${m.status}`}>{STATUS_LABEL[m.status]}</span>
                  {m.flapping && <span className="muted small"> flapping</span>}
                </td>
                <td>
                  <div>
                    {m.name} {m.source === 'file' && <span className="tag" title="Defined in the monitors file; edit it there">file</span>}
                  </div>
                  <div className="muted small">{m.target}</div>
                </td>
                <td>{m.lastCheckAt ? formatAgo(m.lastCheckAt, now) : '—'}</td>
                <td>{formatUptime(m.uptime24h)}</td>
                <td>
                  <Sparkline values={m.sparkline} failures={m.sparklineFailures} label={`Latency of ${m.name}`} />
                </td>
                <td className="last-error">{m.problem ?? (m.status === 'up' ? '' : (m.lastError ?? ''))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MonitorSettings />
    </section>
  );
}
