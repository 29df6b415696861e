import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { TimelineEntry } from '../../preload/contract';
import { formatClock } from '../format';

// Long incidents reach tens of thousands of entries: only the rows in view are in the DOM.
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 34,
    overscan: 12,
  });
  if (entries.length === 0) return <p className="empty">Nothing recorded yet.</p>;
  return (
    <div ref={scroller} className="timeline-scroller">
      <ol className="timeline" aria-label="Timeline" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const entry = entries[row.index];
          return (
            <li
              key={entry.id}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className={`entry kind-${entry.kind}`}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <time dateTime={new Date(entry.at).toISOString()}>{formatClock(entry.at)}</time>
              <span className="actor">{entry.actor}</span>
              <span className="text">{entry.text}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
