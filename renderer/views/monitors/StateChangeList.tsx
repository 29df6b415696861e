import { formatDateTime, formatDuration, plural } from '../../../main/shared/time-format';
import { STATUS_LABEL } from './status-text';
import type { MonitorStateChange } from '../../../preload/contract';

/** The changes of state the engine reported (after the monitor's thresholds), newest first, as kept by the engine. */
export function StateChangeList({ events, since }: { events: MonitorStateChange[]; since: number }) {
  if (events.length === 0) return <p className="empty">No state change recorded since {formatDateTime(since)}.</p>;
  return (
    // A long list scrolls inside its own box; it takes the focus so the keyboard can scroll it.
    <ol className="state-changes" aria-label="State changes, newest first" tabIndex={0}>
      {events.map((e, i) => (
        <li key={`${e.at}-${e.kind}-${i}`} className={e.kind}>
          <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(e.at, { seconds: true })}</time> <Describe event={e} />
        </li>
      ))}
    </ol>
  );
}

function Describe({ event: e }: { event: MonitorStateChange }) {
  switch (e.kind) {
    case 'down':
      return (
        <>
          <strong>Down</strong> — {e.failedConditions.length > 0 ? e.failedConditions.join('; ') : (e.error ?? 'the check failed')}
        </>
      );
    case 'up':
      return (
        <>
          <strong>Up again</strong> after {formatDuration(e.outageMs)}
        </>
      );
    case 'paused':
      return <strong>Paused</strong>;
    case 'resumed':
      return <strong>Resumed</strong>;
    case 'flapping':
      return (
        <>
          <strong>Flapping</strong> — {plural(e.changes, 'change')} within {formatDuration(e.windowMs)}; down and up are not announced until it settles
        </>
      );
    case 'flapping-ended':
      return (
        <>
          <strong>Stopped flapping</strong> — {STATUS_LABEL[e.status].toLowerCase()}
        </>
      );
  }
}
