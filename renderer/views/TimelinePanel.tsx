import { memo, useMemo, useState } from 'react';
import { plural } from '../../main/shared/time-format';
import type { IncidentDetail, TimelineEntry } from '../../preload/contract';
import { useApi } from '../app-context';
import { useTimelineFilter } from '../store/timeline-filter';
import { useMutation } from '../store/use-mutation';
import { NoteForm } from './NoteForm';
import { StatusLine } from './StatusLine';
import { Timeline } from './Timeline';
import { countByFilter, entriesShown, filtersOf, withEarlierPages } from './timeline-entries';
import { TIMELINE_FILTERS } from './timeline-kinds';

interface Props {
  detail: IncidentDetail;
  refresh: () => Promise<void>;
}

// What happened, newest first, with the note box on top: where a responder looks and writes most.
// Derived lists are kept between renders: a long incident holds tens of thousands of entries once paged back.
export const TimelinePanel = memo(function TimelinePanel({ detail, refresh }: Props) {
  const api = useApi();
  const id = detail.incident.id;
  const { hidden, toggle, showAll } = useTimelineFilter();
  const paging = useMutation();
  // Older pages stay loaded while the latest entries refresh underneath them.
  const [earlier, setEarlier] = useState<TimelineEntry[]>([]);
  const [seenLatest, setSeenLatest] = useState(detail.timeline);
  if (seenLatest !== detail.timeline) {
    setSeenLatest(detail.timeline);
    // Entries that slid out of the latest window join the older pages, so none goes missing between the two.
    if (earlier.length > 0) setEarlier(withEarlierPages(earlier, seenLatest));
  }
  const loaded = useMemo(() => withEarlierPages(earlier, detail.timeline), [earlier, detail.timeline]);
  const filters = useMemo(() => filtersOf(loaded), [loaded]);
  const counts = useMemo(() => countByFilter(filters), [filters]);
  const shown = useMemo(() => entriesShown(loaded, filters, hidden), [loaded, filters, hidden]);
  const older = detail.timelineTotal - loaded.length;

  const loadEarlier = async () => {
    const outcome = await paging.run(() => api.call('incidents.timeline', { id, beforeId: loaded[0].id, limit: 2000 }));
    if (outcome.ok) setEarlier((e) => [...outcome.value, ...e]);
  };

  return (
    <section className="panel timeline-panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <NoteForm incidentId={id} refresh={refresh} />
      <fieldset className="timeline-filters">
        <legend>Show</legend>
        {TIMELINE_FILTERS.map((f) => (
          <label key={f.key} className={hidden.includes(f.key) ? 'chip off' : 'chip'}>
            <input type="checkbox" checked={!hidden.includes(f.key)} onChange={() => toggle(f.key)} />
            {f.label} <span className="muted">{counts.get(f.key) ?? 0}</span>
          </label>
        ))}
        {hidden.length > 0 && (
          <button type="button" className="link" onClick={showAll}>
            Show all
          </button>
        )}
      </fieldset>
      <Timeline entries={shown} empty={loaded.length === 0 ? 'Nothing recorded yet.' : 'No entries of the kinds shown.'} />
      {older > 0 && (
        <button type="button" className="link muted" disabled={paging.busy} onClick={() => void loadEarlier()}>
          Show earlier entries ({plural(older, 'more entry', 'more entries')})
        </button>
      )}
      <StatusLine message={paging.message} />
    </section>
  );
});
