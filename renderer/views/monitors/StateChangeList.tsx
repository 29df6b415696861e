import { formatDateTime, formatDuration, plural } from '../../../main/shared/time-format';
import type { RecentResult } from '../../../preload/contract';
import { stateChanges } from './state-changes';

/** When the checks started failing and when they passed again, newest first. */
export function StateChangeList({ recent }: { recent: RecentResult[] }) {
  const changes = stateChanges(recent);
  if (changes.length === 0) {
    const state = recent.length === 0 ? null : recent.every((r) => r.ok) ? 'all passed' : recent.every((r) => !r.ok) ? 'all failed' : null;
    return <p className="empty">No change in the last {plural(recent.length, 'check')}{state ? `: ${state}` : ''}.</p>;
  }
  return (
    <ol className="state-changes" aria-label="State changes, newest first">
      {changes.map((c) => (
        <li key={`${c.at}-${c.to}`} className={c.to}>
          <time dateTime={new Date(c.at).toISOString()}>{formatDateTime(c.at, { seconds: true })}</time>{' '}
          {c.to === 'failing' ? (
            <>
              <strong>Started failing</strong>: {c.error}
            </>
          ) : (
            <>
              <strong>Passing again</strong> after {plural(c.failedChecks, 'failed check')} over {formatDuration(c.failingFor)}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
