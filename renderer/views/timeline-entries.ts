import type { TimelineEntry } from '../../preload/contract';
import { filterOf, type TimelineFilter } from './timeline-kinds';

/**
 * Older pages loaded by hand followed by the latest entries, oldest first. The latest entries are fetched again
 * whenever the incident changes, so a page is kept only for what lies before them: nothing shows twice.
 */
export function withEarlierPages(earlier: readonly TimelineEntry[], latest: TimelineEntry[]): TimelineEntry[] {
  if (earlier.length === 0) return latest;
  const firstLatest = latest[0]?.id ?? Infinity;
  return [...earlier.filter((e) => e.id < firstLatest), ...latest];
}

/** How many entries each filter holds. */
export function countByFilter(filters: readonly TimelineFilter[]): Map<TimelineFilter, number> {
  const counts = new Map<TimelineFilter, number>();
  for (const f of filters) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}

/** The entries of the filters not hidden, in their order; the same list when nothing is hidden. */
export function entriesShown(entries: TimelineEntry[], filters: readonly TimelineFilter[], hidden: readonly TimelineFilter[]): TimelineEntry[] {
  return hidden.length === 0 ? entries : entries.filter((_, i) => !hidden.includes(filters[i]));
}

export const filtersOf = (entries: readonly TimelineEntry[]): TimelineFilter[] => entries.map((e) => filterOf(e.kind));
