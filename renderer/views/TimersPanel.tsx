import type { IncidentDetail, Timer } from '../../preload/contract';
import { useApi } from '../app-context';
import { formatCountdown } from '../../main/shared/time-format';
import { useMutation } from '../store/use-mutation';
import { StatusLine } from './StatusLine';
import { ExternalLink } from './ExternalLink';
import { NextEscalationLine } from './NextEscalationLine';

export const TIMER_NAMES: Record<string, string> = { ack: 'Acknowledge', escalation: 'Escalate', update: 'Next update', 'postfix-watch': 'Post-fix watch' };

interface Props {
  detail: IncidentDetail;
  now: number;
  refresh: () => Promise<void>;
}

export function TimersPanel({ detail, now, refresh }: Props) {
  const { timers, escalation } = detail;
  return (
    <section className="panel" aria-labelledby="timers-heading">
      <h2 id="timers-heading">Timers</h2>
      <NextEscalationLine incidentId={detail.incident.id} now={now} />
      {timers.length === 0 ? (
        <p className="empty">No timers for this severity and status.</p>
      ) : (
        <ul className="timers">
          {timers.map((t) => (
            <TimerRow key={t.kind} detail={detail} timer={t} now={now} refresh={refresh} />
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
                          <ExternalLink key={l.href} href={l.href}>
                            {l.label}
                          </ExternalLink>
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

function TimerRow({ detail, timer: t, now, refresh }: Props & { timer: Timer }) {
  const api = useApi();
  const acting = useMutation(refresh);
  const id = detail.incident.id;
  const escalateTo = detail.level?.escalateTo.length ? detail.level.escalateTo : ['next level'];
  // A step of the level's own chain fires by itself at its time: nothing to snooze or mark.
  const chainStep = t.kind === 'escalation' && detail.level?.escalation !== undefined;
  return (
    <li className={now > t.dueAt ? 'overdue' : ''}>
      <strong>{TIMER_NAMES[t.kind] ?? t.kind}</strong>{' '}
      <span className="countdown" role="timer" aria-label={`${TIMER_NAMES[t.kind] ?? t.kind} ${formatCountdown(t.dueAt, now)}`}>
        {formatCountdown(t.dueAt, now)}
      </span>
      {t.snoozed && <span className="muted"> (snoozed)</span>}
      <div className="muted small">{t.label}</div>
      <div className="row">
        {!chainStep && (
          <button type="button" disabled={acting.busy} onClick={() => void acting.run(() => api.call('incidents.snoozeTimer', { id, kind: t.kind, minutes: 15 }))}>
            Snooze 15 min
          </button>
        )}
        {t.kind === 'escalation' && detail.level && !chainStep && (
          <button type="button" disabled={acting.busy} onClick={() => void acting.run(() => api.call('incidents.escalate', { id, to: escalateTo }))}>
            Mark escalated
          </button>
        )}
      </div>
      <StatusLine message={acting.message} />
    </li>
  );
}
