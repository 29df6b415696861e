import type { TimelineEntry } from '../../preload/contract';
import { formatClock } from '../format';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="empty">Nothing recorded yet.</p>;
  return (
    <ol className="timeline" aria-label="Timeline">
      {entries.map((entry) => (
        <li key={entry.id} className={`entry kind-${entry.kind}`}>
          <time dateTime={new Date(entry.at).toISOString()}>{formatClock(entry.at)}</time>
          <span className="actor">{entry.actor}</span>
          <span className="text">{entry.text}</span>
        </li>
      ))}
    </ol>
  );
}
