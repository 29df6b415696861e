import { useState } from 'react';
import { formatAgo, formatDateTime, formatDuration, plural } from '../../../main/shared/time-format';
import type { SourceAlert } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { useLifecycle } from '../../store/incident-queries';
import { useMutation } from '../../store/use-mutation';
import { useQuery } from '../../store/use-query';
import { navigate } from '../../use-hash-route';
import { ExternalLink } from '../ExternalLink';
import { useNow } from '../../use-now';
import { QueryStatus } from '../QueryStatus';
import { SeverityBadge } from '../SeverityBadge';
import { StatusLine } from '../StatusLine';

const DURATIONS = [
  { label: '1 h', minutes: 60 },
  { label: '4 h', minutes: 240 },
  { label: '8 h', minutes: 480 },
  { label: '24 h', minutes: 1440 },
];

export function AlertsView() {
  const api = useApi();
  const now = useNow(10_000);
  // A poll that finds nothing new sends no event, but moves "polled … ago" on.
  const query = useQuery('alerts.list', {}, { refreshOn: { 'alerts.changed': true }, everyMs: 5000 });
  const polling = useMutation(query.refresh);
  const lifecycle = useLifecycle();

  const list = query.data;
  if (!list) return <QueryStatus query={query} what="the alerts" />;
  const sorted = sortAlerts(list.alerts, lifecycle.data?.scheme.levels.map((l) => l.key) ?? []);
  const sections: { title: string; alerts: SourceAlert[] }[] = [
    { title: 'Firing', alerts: sorted.filter((a) => a.state === 'firing') },
    { title: 'Acknowledged (silenced)', alerts: sorted.filter((a) => a.state === 'silenced') },
    { title: 'Inhibited', alerts: sorted.filter((a) => a.state === 'inhibited') },
  ];
  return (
    <section aria-labelledby="alerts-heading">
      <header className="toolbar">
        <h1 id="alerts-heading">Alerts</h1>
        <button type="button" disabled={polling.busy} onClick={() => void polling.run(() => api.call('alerts.refresh'), (r) => `Polled ${plural(r.polled, 'source')}.`)}>
          Refresh
        </button>
      </header>
      <StatusLine message={polling.message} />
      <QueryStatus query={query} what="the alerts" />
      <QueryStatus query={lifecycle} what="the severity scheme (alerts are listed unsorted by severity)" quiet />
      {list.configError && <p role="alert" className="error-text">{list.configError}</p>}
      <ul className="sources" aria-label="Alert sources">
        {list.sources.length === 0 && <li className="muted">No sources configured: add a `sources:` list to the monitors file.</li>}
        {list.sources.map((s) => (
          <li key={s.name} className={s.ok ? '' : 'error-text'}>
            <strong>{s.name}</strong> ({s.kind}) — {s.ok ? `ok, polled ${s.lastPollAt ? formatAgo(s.lastPollAt, now) : 'not yet'}` : s.error}
          </li>
        ))}
      </ul>
      <p className="muted small">Most severe first (as in the severity scheme), then the newest.</p>
      {sections.map((section) => (
        <section key={section.title} className="panel" aria-label={section.title}>
          <h2>
            {section.title} <span className="muted">{section.alerts.length}</span>
          </h2>
          {section.alerts.length === 0 ? (
            <p className="empty">None.</p>
          ) : (
            section.alerts.map((a) => (
              <AlertRow key={`${a.source}/${a.key}`} alert={a} now={now} canSilence={list.sources.find((s) => s.name === a.source)?.canSilence ?? false} refresh={query.refresh} />
            ))
          )}
        </section>
      ))}
    </section>
  );
}

interface AlertRowProps {
  alert: SourceAlert;
  now: number;
  canSilence: boolean;
  refresh: () => Promise<void>;
}

function AlertRow({ alert, now, canSilence, refresh }: AlertRowProps) {
  const api = useApi();
  const acting = useMutation(refresh);
  const declaring = useMutation();
  const [minutes, setMinutes] = useState(60);
  const [custom, setCustom] = useState(false);
  const [comment, setComment] = useState('Acknowledged from Trayage');
  const started = Date.parse(alert.startsAt);
  // The incident view fetches the new incident by its id, so it shows at once.
  const declare = async () => {
    const outcome = await declaring.run(() => api.call('alerts.declare', { source: alert.source, key: alert.key }));
    if (outcome.ok) navigate({ view: 'incident', id: outcome.value.id });
  };
  return (
    <article className="alert-row" aria-label={`${alert.name} ${alert.labels.instance ?? ''}`.trim()}>
      <div className="row">
        {alert.severity && <SeverityBadge severity={alert.severity} />}
        <strong>{alert.name}</strong>
        {alert.annotations.summary && <span>{alert.annotations.summary}</span>}
        <span className="muted">
          {alert.source}
          {!Number.isNaN(started) && (
            <>
              {' '}
              · firing for {formatDuration(now - started)}, since <time dateTime={alert.startsAt}>{formatDateTime(started)}</time>
            </>
          )}
        </span>
        {alert.url && (
          <ExternalLink href={alert.url}>Runbook</ExternalLink>
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
              disabled={acting.busy}
              onClick={() =>
                void acting.run(
                  () => api.call('alerts.ack', { source: alert.source, key: alert.key, minutes, comment, incidentId: alert.incidentIds[0] }),
                  (r) => `Silenced until ${formatDateTime(r.endsAt)} (silence ${r.silenceId}).`,
                )
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
            disabled={acting.busy}
            onClick={() => void acting.run(() => api.call('alerts.unsilence', { source: alert.source, silenceId: id, incidentId: alert.incidentIds[0] }), () => `Silence ${id} expired.`)}
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
          <button type="button" className="primary" disabled={declaring.busy} onClick={() => void declare()}>
            Declare incident
          </button>
        )}
      </div>
      <StatusLine message={acting.message} />
      <StatusLine message={declaring.message} />
    </article>
  );
}

// By the scheme's order of levels (most severe first; unknown and missing severities last), then newest first.
function sortAlerts(alerts: SourceAlert[], levels: string[]): SourceAlert[] {
  const keys = levels.map((l) => l.toLowerCase());
  const rank = (a: SourceAlert) => {
    const i = a.severity === null ? -1 : keys.indexOf(a.severity.toLowerCase());
    return i === -1 ? levels.length + (a.severity === null ? 1 : 0) : i;
  };
  const started = (a: SourceAlert) => Date.parse(a.startsAt) || 0;
  return [...alerts].sort((a, b) => rank(a) - rank(b) || started(b) - started(a));
}
