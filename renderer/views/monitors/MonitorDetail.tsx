import { type ReactNode, useState } from 'react';
import { formatAgo, formatDateTime, formatDuration } from '../../../main/shared/time-format';
import type { UptimeWindow } from '../../../preload/contract';
import { UPTIME_WINDOWS } from '../../../preload/contract/plain-values';
import { useApi } from '../../app-context';
import { useMonitorDetail } from '../../store/monitor-queries';
import { useMutation } from '../../store/use-mutation';
import { navigate, routeToHash } from '../../use-hash-route';
import { useNow } from '../../use-now';
import { QueryStatus } from '../QueryStatus';
import { StatusLine } from '../StatusLine';
import { DeclareFromMonitor } from './DeclareFromMonitor';
import { HeartbeatBar } from './HeartbeatBar';
import { HistoryChart } from './HistoryChart';
import { MonitorForm } from './MonitorForm';
import { SnoozeMenu } from './SnoozeMenu';
import { StateChangeList } from './StateChangeList';
import { STATUS_LABEL, formatMs, formatUptime } from './status-text';
import './monitors.css';

type Mode = 'view' | 'edit' | 'declare' | 'confirm-delete';

export function MonitorDetail({ id }: { id: number }) {
  const api = useApi();
  const now = useNow(5_000);
  const [span, setSpan] = useState<UptimeWindow>('24h');
  const [mode, setMode] = useState<Mode>('view');
  const query = useMonitorDetail(id, span);
  const acting = useMutation(query.refresh);
  const deleting = useMutation();

  const data = query.data;
  if (!data) return <QueryStatus query={query} what="the monitor" />;
  const { monitor } = data;
  const remove = async () => {
    if ((await deleting.run(() => api.call('monitors.delete', { id }))).ok) navigate({ view: 'monitors' });
  };

  if (mode === 'declare') return <DeclareFromMonitor monitor={monitor} onCancel={() => setMode('view')} />;
  return (
    <section aria-labelledby="monitor-heading" className="monitor-detail">
      <header className="toolbar">
        <a href={routeToHash({ view: 'monitors' })}>← Monitors</a>
        <h1 id="monitor-heading">{monitor.name}</h1>
        <span className={`monitor-status status-${monitor.status}`}>{STATUS_LABEL[monitor.status]}</span>
      </header>
      <div className="row" role="toolbar" aria-label="Monitor actions">
        <button type="button" className={monitor.status === 'down' ? 'primary' : ''} onClick={() => setMode('declare')}>
          Declare incident…
        </button>
        <button type="button" onClick={() => navigate({ view: 'run-launch', incidentId: monitor.incidentId ?? null })}>
          Run diagnostics ▸
        </button>
        <button
          type="button"
          disabled={acting.busy}
          onClick={() => void acting.run(() => api.call('monitors.checkNow', { id }), (r) => (r.queued ? 'Check queued.' : 'Checks do not run in this process.'))}
        >
          Check now
        </button>
        <button type="button" disabled={acting.busy} onClick={() => void acting.run(() => api.call('monitors.setPaused', { id, paused: monitor.status !== 'paused' }))}>
          {monitor.status === 'paused' ? 'Resume' : 'Pause'}
        </button>
        {monitor.source === 'app' && (
          <>
            <button type="button" onClick={() => setMode('edit')}>
              Edit
            </button>
            <button type="button" onClick={() => setMode('confirm-delete')}>
              Delete…
            </button>
          </>
        )}
        <SnoozeMenu scope={`monitor:${id}`} until={monitor.snoozedUntil} now={now} refresh={query.refresh} />
      </div>
      <StatusLine message={acting.message} />
      <QueryStatus query={query} what="the monitor" />
      {mode === 'confirm-delete' && (
        <div className="panel" role="alertdialog" aria-label="Confirm delete">
          <p>Delete {monitor.name}? Its history is kept until the retention removes it.</p>
          <button type="button" className="primary" autoFocus disabled={deleting.busy} onClick={() => void remove()}>
            Delete monitor
          </button>{' '}
          <button type="button" onClick={() => setMode('view')}>
            Keep it
          </button>
          <StatusLine message={deleting.message} />
        </div>
      )}
      {mode === 'edit' && data.fields && <MonitorForm id={id} initial={data.fields} refresh={query.refresh} onCancel={() => setMode('view')} onSaved={() => setMode('view')} />}
      <div className="facts-grid">
        <Fact label="Checks">{monitor.target}</Fact>
        <Fact label="Every">{monitor.intervalMs ? `${monitor.intervalMs / 1000} s` : '—'}</Fact>
        <Fact label="Severity">{monitor.severity ?? '—'}</Fact>
        <Fact label="Service">{monitor.service ?? '—'}</Fact>
        <Fact label={monitor.status === 'down' ? 'Down since' : 'Failing since'}>{monitor.since ? `${formatDateTime(monitor.since)} (${formatDuration(now - monitor.since)})` : '—'}</Fact>
        <Fact label="Last check">{monitor.lastCheckAt ? `${formatAgo(monitor.lastCheckAt, now)}, ${formatMs(monitor.lastLatencyMs)}${monitor.lastStatusCode ? `, HTTP ${monitor.lastStatusCode}` : ''}` : 'not yet'}</Fact>
        <Fact label="Defined in">{data.file ?? 'this app (Monitors window)'}</Fact>
        {monitor.incidentId && (
          <Fact label="Incident">
            <a href={routeToHash({ view: 'incident', id: monitor.incidentId })}>#{monitor.incidentId}</a>
          </Fact>
        )}
        <Fact label="Last error" wide>
          {monitor.problem ?? monitor.lastError ?? '—'}
        </Fact>
      </div>
      <section aria-labelledby="heartbeat-heading">
        <h2 id="heartbeat-heading">Last checks</h2>
        <HeartbeatBar recent={data.recent} />
        <h3 id="changes-heading">State changes</h3>
        <StateChangeList events={data.events} since={data.eventsSince} />
      </section>
      <table className="uptime-table">
        <caption>Uptime and latency of successful checks</caption>
        <thead>
          <tr>
            <th scope="col">Window</th>
            <th scope="col">Uptime</th>
            <th scope="col">Checks</th>
            <th scope="col">Failed</th>
            <th scope="col">Average</th>
            <th scope="col">p95</th>
            <th scope="col">Max</th>
          </tr>
        </thead>
        <tbody>
          {UPTIME_WINDOWS.map((w) => {
            const s = data.uptime[w];
            return (
              <tr key={w}>
                <th scope="row">{w}</th>
                <td>{formatUptime(s.uptime)}</td>
                <td>{s.count}</td>
                <td>{s.failures}</td>
                <td>{formatMs(s.avgMs)}</td>
                <td>{formatMs(s.p95Ms)}</td>
                <td>{formatMs(s.maxMs)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>History</h2>
      <div className="row" role="radiogroup" aria-label="History window">
        {UPTIME_WINDOWS.map((w) => (
          <button key={w} type="button" role="radio" aria-checked={span === w} className={span === w ? 'primary' : ''} onClick={() => setSpan(w)}>
            {w}
          </button>
        ))}
      </div>
      <HistoryChart points={data.history.points} bucketMs={data.history.bucketMs} from={data.history.from} now={now} />
      {data.series.length > 0 && (
        <>
          <h2>Series</h2>
          <table className="recent-results" aria-label="Series">
            <thead>
              <tr>
                <th>Series</th>
                <th>Value</th>
                <th>State</th>
                <th>Since</th>
              </tr>
            </thead>
            <tbody>
              {data.series.map((s) => (
                <tr key={s.name} className={s.status === 'up' ? '' : 'error-text'}>
                  <td>
                    <code>{s.name}</code>
                  </td>
                  <td>{s.value}</td>
                  <td>{s.status}</td>
                  <td>{formatDateTime(s.since, { seconds: true })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Recent results</h2>
      {data.recent.length === 0 ? (
        <p className="empty">No results yet.</p>
      ) : (
        <table className="recent-results">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Result</th>
              <th scope="col">Latency</th>
              <th scope="col">Status</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {data.recent.map((r) => (
              <tr key={r.at} className={r.ok ? '' : 'failed'}>
                <td>{formatDateTime(r.at, { seconds: true })}</td>
                <td>{r.ok ? 'ok' : 'failed'}</td>
                <td>{formatMs(r.latencyMs)}</td>
                <td>{r.status ?? '—'}</td>
                <td>{r.error ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Fact({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'fact wide' : 'fact'}>
      <span>{label}</span>
      <span>{children}</span>
    </div>
  );
}
