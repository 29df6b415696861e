import { formatDateTime } from '../../../main/shared/time-format';
import type { RecentResult } from '../../../preload/contract';
import { formatMs } from './status-text';

/** The last checks as ticks, oldest left and newest right: green passed, red failed; each says when and what. */
export function HeartbeatBar({ recent }: { recent: RecentResult[] }) {
  if (recent.length === 0) return <p className="empty">No checks yet.</p>;
  const oldestFirst = [...recent].sort((a, b) => a.at - b.at);
  const failed = recent.filter((r) => !r.ok).length;
  const describe = (r: RecentResult) =>
    `${formatDateTime(r.at, { seconds: true })}: ${r.ok ? 'passed' : 'failed'}, ${formatMs(r.latencyMs)}${r.status !== null ? `, status ${r.status}` : ''}${r.error ? `, ${r.error}` : ''}`;
  return (
    <div className="heartbeat">
      <ol className="heartbeat-bar" aria-label={`Last ${recent.length} checks, oldest first: ${recent.length - failed} passed, ${failed} failed`}>
        {oldestFirst.map((r) => (
          <li key={r.at} className={r.ok ? 'beat ok' : 'beat failed'} title={describe(r)} aria-label={describe(r)} />
        ))}
      </ol>
      <div className="heartbeat-ends muted small" aria-hidden="true">
        <span>{formatDateTime(oldestFirst[0].at, { seconds: true })}</span>
        <span>now</span>
      </div>
    </div>
  );
}
