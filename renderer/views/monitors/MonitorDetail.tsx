import { type ReactNode, useState } from 'react';
import { UPTIME_WINDOWS, type UptimeWindow } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { formatAge, formatClock } from '../../format';
import { navigate, routeToHash } from '../../use-hash-route';
import { useNow } from '../../use-now';
import { DeclareFromMonitor } from './DeclareFromMonitor';
import { HistoryChart } from './HistoryChart';
import { MonitorForm } from './MonitorForm';
import { SnoozeMenu } from './SnoozeMenu';
import { STATUS_LABEL, formatAgo, formatMs, formatUptime } from './status-text';
import { useMonitorDetail } from './use-monitors';
import './monitors.css';

type Mode = 'view' | 'edit' | 'declare' | 'confirm-delete';

export function MonitorDetail({ id }: { id: number }) {
  const api = useApi();
  const now = useNow(5_000);
  const [span, setSpan] = useState<UptimeWindow>('24h');
  const [mode, setMode] = useState<Mode>('view');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { data, error, reload } = useMonitorDetail(id, span);

  if (!data) return <p className={error ? 'error-text' : 'empty'}>{error ?? 'Loading monitor…'}</p>;
  const { monitor } = data;
  const act = async (work: () => Promise<string | null>) => {
    try {
      const text = await work();
      setMessage(text ? { ok: true, text } : null);
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
    await reload();
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
        <button type="button" onClick={() => void act(async () => ((await api.call('monitors.checkNow', { id })).queued ? 'Check queued.' : 'Checks do not run in this process.'))}>
          Check now
        </button>
        <button type="button" onClick={() => void act(async () => (await api.call('monitors.setPaused', { id, paused: monitor.status !== 'paused' }), null))}>
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
        <SnoozeMenu scope={`monitor:${id}`} until={monitor.snoozedUntil} now={now} onDone={(text) => void act(async () => text)} />
      </div>
      {mode === 'confirm-delete' && (
        <div className="panel" role="alertdialog" aria-label="Confirm delete">
          <p>Delete {monitor.name}? Its history is kept until the retention removes it.</p>
          <button type="button" className="primary" autoFocus onClick={() => void api.call('monitors.delete', { id }).then(() => navigate({ view: 'monitors' }), (e) => setMessage({ ok: false, text: (e as Error).message }))}>
            Delete monitor
          </button>{' '}
          <button type="button" onClick={() => setMode('view')}>
            Keep it
          </button>
        </div>
      )}
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'ok-text' : 'error-text'}>{message.text}</p>}
      {mode === 'edit' && data.fields && (
        <MonitorForm id={id} initial={data.fields} onCancel={() => setMode('view')} onSaved={() => void act(async () => (setMode('view'), 'Monitor saved.'))} />
      )}
      <div className="facts-grid">
        <Fact label="Checks">{monitor.target}</Fact>
        <Fact label="Every">{monitor.intervalMs ? `${monitor.intervalMs / 1000} s` : '—'}</Fact>
        <Fact label="Severity">{monitor.severity ?? '—'}</Fact>
        <Fact label="Service">{monitor.service ?? '—'}</Fact>
        <Fact label={monitor.status === 'down' ? 'Down since' : 'Failing since'}>{monitor.since ? `${formatClock(monitor.since)} (${formatAge(now - monitor.since)})` : '—'}</Fact>
        <Fact label="Last check">{monitor.lastCheckAt ? `${formatAgo(now - monitor.lastCheckAt)}, ${formatMs(monitor.lastLatencyMs)}${monitor.lastStatusCode ? `, HTTP ${monitor.lastStatusCode}` : ''}` : 'not yet'}</Fact>
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
                  <td>{new Date(s.since).toLocaleTimeString()}</td>
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
                <td>{formatClock(r.at)}</td>
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
