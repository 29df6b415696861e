import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../preload/contract';
import { countByFilter, entriesShown, filtersOf, withEarlierPages } from '../../renderer/views/timeline-entries';
import { filterOf } from '../../renderer/views/timeline-kinds';

const entry = (id: number, kind = 'note'): TimelineEntry => ({ id, incidentId: 7, at: 1_000 * id, kind, actor: 'ana', text: `entry ${id}` });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => entry(from + i));
const ids = (entries: TimelineEntry[]) => entries.map((e) => e.id);

describe('timeline entries in the incident window', () => {
  it('puts older pages before the latest entries, and keeps the latest list itself when no page was loaded', () => {
    const latest = range(11, 20);
    expect(withEarlierPages([], latest)).toBe(latest);
    expect(ids(withEarlierPages(range(1, 10), latest))).toEqual(ids(range(1, 20)));
  });

  it('keeps entries that slid out of the latest window as the incident grew, and shows none twice', () => {
    // Entries 11–20 were the latest when entries 1–10 were paged in; then 21–23 arrived and the window moved.
    const before = withEarlierPages(range(1, 10), range(11, 20));
    const after = withEarlierPages(before, range(14, 23));
    expect(ids(after)).toEqual(ids(range(1, 23)));
  });

  it('counts entries per filter, unknown kinds with status changes, and hides the filters switched off', () => {
    const entries = [entry(1, 'declared'), entry(2, 'note'), entry(3, 'run'), entry(4, 'note'), entry(5, 'something-new'), entry(6, 'update-failed')];
    const filters = filtersOf(entries);
    expect(filters).toEqual(['status', 'notes', 'runs', 'notes', 'status', 'updates']);
    expect(Object.fromEntries(countByFilter(filters))).toEqual({ status: 2, notes: 2, runs: 1, updates: 1 });
    expect(entriesShown(entries, filters, [])).toBe(entries);
    expect(ids(entriesShown(entries, filters, ['notes', 'status']))).toEqual([3, 6]);
    expect(filterOf('relapse')).toBe('alerts');
  });
});
