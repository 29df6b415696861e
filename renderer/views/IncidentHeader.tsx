import { formatCountdown, formatDateTime, formatDuration } from '../../main/shared/time-format';
import type { IncidentDetail, Lifecycle } from '../../preload/contract';
import { navigate } from '../use-hash-route';
import { useNow } from '../use-now';
import { SeverityBadge, StatusBadge } from './SeverityBadge';
import { TIMER_NAMES } from './TimersPanel';

interface Props {
  detail: IncidentDetail;
  lifecycle: Lifecycle | null;
}

// Where a timer is dealt with: the update box for the update timer, the timers panel for the rest.
function jumpTo(elementId: string) {
  const target = document.getElementById(elementId);
  target?.scrollIntoView({ block: 'center' });
  target?.focus();
}

// Everything needed to decide the next step, on one line: status, severity, how long, and what is due first.
export function IncidentHeader({ detail, lifecycle }: Props) {
  const now = useNow();
  const { incident } = detail;
  const status = lifecycle?.statuses.find((s) => s.key === incident.status);
  const nearest = [...detail.timers].sort((a, b) => a.dueAt - b.dueAt)[0];
  return (
    <header className="incident-header">
      <div className="toolbar">
        <button type="button" onClick={() => navigate({ view: 'log' })} title="Back to the log (Esc)">
          ← Log
        </button>
        <h1 id="incident-title">
          #{incident.id} {incident.title}
        </h1>
      </div>
      <div className="incident-summary">
        <StatusBadge status={incident.status} name={status?.name} open={status?.open} />
        <SeverityBadge severity={incident.severity} />
        {incident.resolvedAt === null ? (
          <span title={`Declared ${formatDateTime(incident.createdAt)}`}>open for {formatDuration(now - incident.createdAt)}</span>
        ) : (
          <span>
            ended {formatDateTime(incident.resolvedAt)}, lasted {formatDuration(incident.resolvedAt - incident.createdAt)}
          </span>
        )}
        {nearest && (
          <button
            type="button"
            className={`timer-chip${nearest.dueAt < now ? ' overdue' : ''}`}
            onClick={() => jumpTo(nearest.kind === 'update' ? 'update-text' : 'timers-heading')}
            title={nearest.label}
          >
            {TIMER_NAMES[nearest.kind] ?? nearest.kind} {formatCountdown(nearest.dueAt, now)}
            {nearest.snoozed && ' (snoozed)'}
          </button>
        )}
      </div>
    </header>
  );
}
