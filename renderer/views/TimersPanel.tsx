import type { IncidentDetail } from '../../preload/contract';
import { useApi, useIncidents } from '../app-context';
import { formatCountdown } from '../format';

const NAMES: Record<string, string> = { ack: 'Acknowledge', escalation: 'Escalate', update: 'Next update', 'postfix-watch': 'Post-fix watch' };

export function TimersPanel({ detail, now }: { detail: IncidentDetail; now: number }) {
  const api = useApi();
  const open = useIncidents((s) => s.open);
  const { incident, timers, escalation } = detail;
  const act = async (work: () => Promise<unknown>) => {
    await work().catch(() => {});
    await open(incident.id).catch(() => {});
  };
  return (
    <section className="panel" aria-labelledby="timers-heading">
      <h2 id="timers-heading">Timers</h2>
      {timers.length === 0 ? (
        <p className="empty">No timers for this severity and status.</p>
      ) : (
        <ul className="timers">
          {timers.map((t) => (
            <li key={t.kind} className={now > t.dueAt ? 'overdue' : ''}>
              <strong>{NAMES[t.kind] ?? t.kind}</strong>{' '}
              <span className="countdown" role="timer" aria-label={`${NAMES[t.kind]} ${formatCountdown(t.dueAt, now)}`}>
                {formatCountdown(t.dueAt, now)}
              </span>
              {t.snoozed && <span className="muted"> (snoozed)</span>}
              <div className="muted small">{t.label}</div>
              <div className="row">
                <button type="button" onClick={() => void act(() => api.call('incidents.snoozeTimer', { id: incident.id, kind: t.kind, minutes: 15 }))}>
                  Snooze 15 min
                </button>
                {t.kind === 'escalation' && detail.level && (
                  <button
                    type="button"
                    onClick={() => void act(() => api.call('incidents.escalate', { id: incident.id, to: detail.level!.escalateTo.length ? detail.level!.escalateTo : ['next level'] }))}
                  >
                    Mark escalated
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {escalation.length > 0 && (
        <div className="escalation">
          <h3>Escalation path</h3>
          <ul>
            {escalation.map((target) => (
              <li key={target.role}>
                <strong>{target.role}</strong>:{' '}
                {target.contacts.length === 0
                  ? 'nobody listed — add contacts in Settings'
                  : target.contacts.map((c) => (
                      <span key={c.name} className="contact">
                        {c.name}{' '}
                        {c.links.map((l) => (
                          <a key={l.href} href={l.href}>
                            {l.label}
                          </a>
                        ))}
                      </span>
                    ))}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
