import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatDateTime } from '../../main/shared/time-format';
import type { TimelineEntry } from '../../preload/contract';
import { routeToHash } from '../use-hash-route';
import { filterOf, TIMELINE_FILTERS } from './timeline-kinds';

const TAG = Object.fromEntries(TIMELINE_FILTERS.map((f) => [f.key, f.tag]));

// A run's entries carry its id, so the timeline leads to the run's full output.
function runIdOf(entry: TimelineEntry): number | null {
  const data = entry.data as { runId?: unknown } | undefined;
  return entry.kind === 'run' && typeof data?.runId === 'number' ? data.runId : null;
}

// Long incidents reach tens of thousands of entries: only the rows in view are in the DOM.
// `entries` come newest first.
export function Timeline({ entries, empty }: { entries: TimelineEntry[]; empty: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 52,
    overscan: 12,
    getItemKey: (index) => entries[index].id,
  });
  if (entries.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div ref={scroller} className="timeline-scroller">
      <ol className="timeline" aria-label="Timeline, newest first" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const entry = entries[row.index];
          const runId = runIdOf(entry);
          const filter = filterOf(entry.kind);
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className={`entry kind-${entry.kind} filter-${filter}`}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <div className="entry-head">
                <span className="entry-kind">{TAG[filter]}</span>
                <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, { seconds: true })}</time>
                <span className="actor">{entry.actor}</span>
                {runId !== null && <a href={routeToHash({ view: 'run', id: runId })}>Run #{runId}</a>}
              </div>
              <div className="text">{entry.text}</div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
