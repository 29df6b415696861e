import { useCallback, useEffect, useState } from 'react';
import type { ResultOf, SourceAlert } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { formatAge } from '../../format';
import { navigate } from '../../use-hash-route';
import { useNow } from '../../use-now';
import { SeverityBadge } from '../SeverityBadge';
import { type StatusMessage, StatusLine } from '../StatusLine';

type AlertList = ResultOf<'alerts.list'>;
const DURATIONS = [
  { label: '1 h', minutes: 60 },
  { label: '4 h', minutes: 240 },
  { label: '8 h', minutes: 480 },
  { label: '24 h', minutes: 1440 },
];

export function AlertsView() {
  const api = useApi();
  const now = useNow(10_000);
  const [list, setList] = useState<AlertList | null>(null);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const reload = useCallback(() => api.call('alerts.list').then(setList).catch((e) => setMessage({ ok: false, text: (e as Error).message })), [api]);

  useEffect(() => {
    void reload();
    const off = api.on('alerts.changed', () => void reload());
    const timer = setInterval(() => void reload(), 5000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api, reload]);

  const act = async (work: () => Promise<string>) => {
    try {
      setMessage({ ok: true, text: await work() });
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    }
    await reload();
  };

  if (!list) return <p className="empty">Loading alerts…</p>;
  const sections: { title: string; alerts: SourceAlert[] }[] = [
    { title: 'Firing', alerts: list.alerts.filter((a) => a.state === 'firing') },
    { title: 'Acknowledged (silenced)', alerts: list.alerts.filter((a) => a.state === 'silenced') },
    { title: 'Inhibited', alerts: list.alerts.filter((a) => a.state === 'inhibited') },
  ];
  return (
    <section aria-labelledby="alerts-heading">
      <header className="toolbar">
        <h1 id="alerts-heading">Alerts</h1>
        <button type="button" onClick={() => void act(async () => `Polled ${(await api.call('alerts.refresh')).polled} source(s).`)}>
          Refresh
        </button>
      </header>
      {list.configError && <p role="alert" className="error-text">{list.configError}</p>}
      <ul className="sources" aria-label="Alert sources">
        {list.sources.length === 0 && <li className="muted">No sources configured: add a `sources:` list to the monitors file.</li>}
        {list.sources.map((s) => (
          <li key={s.name} className={s.ok ? '' : 'error-text'}>
            <strong>{s.name}</strong> ({s.kind}) — {s.ok ? `ok, polled ${s.lastPollAt ? formatAge(now - s.lastPollAt) : 'not yet'}` : s.error}
          </li>
        ))}
      </ul>
      <StatusLine message={message} />
      {sections.map((section) => (
        <section key={section.title} className="panel" aria-label={section.title}>
          <h2>
            {section.title} <span className="muted">{section.alerts.length}</span>
          </h2>
          {section.alerts.length === 0 ? <p className="empty">None.</p> : groupByName(section.alerts).map(([name, alerts]) => (
            <div key={name} className="alert-group">
              <h3>{name}</h3>
              {alerts.map((a) => (
                <AlertRow key={`${a.source}/${a.key}`} alert={a} now={now} canSilence={list.sources.find((s) => s.name === a.source)?.canSilence ?? false} act={act} />
              ))}
            </div>
          ))}
        </section>
      ))}
    </section>
  );
}

function AlertRow({ alert, now, canSilence, act }: { alert: SourceAlert; now: number; canSilence: boolean; act: (work: () => Promise<string>) => Promise<void> }) {
  const api = useApi();
  const [minutes, setMinutes] = useState(60);
  const [custom, setCustom] = useState(false);
  const [comment, setComment] = useState('Acknowledged from Trayage');
  const started = Date.parse(alert.startsAt);
  return (
    <article className="alert-row" aria-label={`${alert.name} ${alert.labels.instance ?? ''}`.trim()}>
      <div className="row">
        {alert.severity && <SeverityBadge severity={alert.severity} />}
        <strong>{alert.annotations.summary ?? alert.name}</strong>
        <span className="muted">
          {alert.source} · {Number.isNaN(started) ? '' : `for ${formatAge(now - started)}`}
        </span>
        {alert.url && (
          <a href={alert.url} target="_blank" rel="noreferrer">
            Runbook
          </a>
        )}
      </div>
      {alert.annotations.description && <p className="muted small">{alert.annotations.description}</p>}
      <div className="labels">
        {Object.entries(alert.labels).map(([k, v]) => (
          <code key={k}>
            {k}={v}
          </code>
        ))}
      </div>
      <div className="row">
        {alert.state === 'firing' && canSilence && (
          <>
            <select aria-label="Silence for" value={custom ? 'custom' : minutes} onChange={(e) => {
              setCustom(e.target.value === 'custom');
              if (e.target.value !== 'custom') setMinutes(Number(e.target.value));
            }}>
              {DURATIONS.map((d) => (
                <option key={d.minutes} value={d.minutes}>
                  {d.label}
                </option>
              ))}
              <option value="custom">Custom…</option>
            </select>
            {custom && (
              <label>
                <input aria-label="Silence minutes" type="number" min={1} max={43200} size={6} value={minutes} onChange={(e) => setMinutes(Math.max(1, Number(e.target.value) || 1))} /> min
              </label>
            )}
            <input aria-label="Comment" value={comment} onChange={(e) => setComment(e.target.value)} />
            <button
              type="button"
              onClick={() =>
                void act(async () => {
                  const r = await api.call('alerts.ack', { source: alert.source, key: alert.key, minutes, comment, incidentId: alert.incidentIds[0] });
                  return `Silenced until ${new Date(r.endsAt).toLocaleString()} (silence ${r.silenceId}).`;
                })
              }
            >
              Acknowledge
            </button>
          </>
        )}
        {alert.silencedBy.map((id) => (
          <button
            key={id}
            type="button"
            onClick={() =>
              void act(async () => {
                await api.call('alerts.unsilence', { source: alert.source, silenceId: id, incidentId: alert.incidentIds[0] });
                return `Silence ${id} expired.`;
              })
            }
          >
            Un-silence
          </button>
        ))}
        {alert.incidentIds.length > 0 ? (
          alert.incidentIds.map((id) => (
            <button key={id} type="button" className="link" onClick={() => navigate({ view: 'incident', id })}>
              Incident #{id}
            </button>
          ))
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() =>
              void act(async () => {
                const incident = await api.call('alerts.declare', { source: alert.source, key: alert.key });
                navigate({ view: 'incident', id: incident.id });
                return `Declared incident #${incident.id}.`;
              })
            }
          >
            Declare incident
          </button>
        )}
      </div>
    </article>
  );
}

function groupByName(alerts: SourceAlert[]): [string, SourceAlert[]][] {
  const groups = new Map<string, SourceAlert[]>();
  for (const a of alerts) groups.set(a.name, [...(groups.get(a.name) ?? []), a]);
  return [...groups];
}
