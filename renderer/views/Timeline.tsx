import { measureElement as measuredSize, useVirtualizer } from '@tanstack/react-virtual';
import { memo, useRef } from 'react';
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

interface RowProps {
  entry: TimelineEntry;
  index: number;
  start: number;
  measure: (element: HTMLElement | null) => void;
}

// Rows already on screen keep their element and text while the list scrolls: only rows coming into view render.
const TimelineRow = memo(function TimelineRow({ entry, index, start, measure }: RowProps) {
  const runId = runIdOf(entry);
  const filter = filterOf(entry.kind);
  return (
    <li ref={measure} data-index={index} className={`entry kind-${entry.kind} filter-${filter}`} style={{ transform: `translateY(${start}px)` }}>
      <div className="entry-head">
        <span className="entry-kind">{TAG[filter]}</span>
        <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, { seconds: true })}</time>
        <span className="actor">{entry.actor}</span>
        {runId !== null && <a href={routeToHash({ view: 'run', id: runId })}>Run #{runId}</a>}
      </div>
      <div className="text">{entry.text}</div>
    </li>
  );
});

// Long incidents reach tens of thousands of entries: only the rows in view are in the DOM.
// `entries` come oldest first, as loaded; they are shown newest first without copying the list.
export function Timeline({ entries, empty }: { entries: readonly TimelineEntry[]; empty: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  // Rows not measured yet are guessed at the height of the last one measured: most entries are one line, so a row
  // coming into view usually matches its guess and the list is not laid out and rendered a second time.
  const rowSize = useRef(52);
  const newest = entries.length - 1;
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowSize.current,
    measureElement: (element, entry, instance) => {
      rowSize.current = measuredSize(element, entry, instance);
      return rowSize.current;
    },
    overscan: 12,
    getItemKey: (index) => entries[newest - index].id,
  });
  if (entries.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div ref={scroller} className="timeline-scroller">
      <ol className="timeline" aria-label="Timeline, newest first" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => (
          <TimelineRow key={row.key} entry={entries[newest - row.index]} index={row.index} start={row.start} measure={virtualizer.measureElement} />
        ))}
      </ol>
    </div>
  );
}
