import { useState } from 'react';
import { plural } from '../../main/shared/time-format';
import type { IncidentDetail, TimelineEntry } from '../../preload/contract';
import { useApi } from '../app-context';
import { useTimelineFilter } from '../store/timeline-filter';
import { useMutation } from '../store/use-mutation';
import { NoteForm } from './NoteForm';
import { StatusLine } from './StatusLine';
import { Timeline } from './Timeline';
import { filterOf, TIMELINE_FILTERS } from './timeline-kinds';

interface Props {
  detail: IncidentDetail;
  refresh: () => Promise<void>;
}

// What happened, newest first, with the note box on top: where a responder looks and writes most.
export function TimelinePanel({ detail, refresh }: Props) {
  const api = useApi();
  const id = detail.incident.id;
  const { hidden, toggle, showAll } = useTimelineFilter();
  const paging = useMutation();
  // Older pages stay loaded while the latest entries refresh underneath them.
  const [earlier, setEarlier] = useState<TimelineEntry[]>([]);
  const firstLatest = detail.timeline[0]?.id ?? Infinity;
  const loaded = [...earlier.filter((e) => e.id < firstLatest), ...detail.timeline];
  const counts = new Map<string, number>();
  for (const e of loaded) counts.set(filterOf(e.kind), (counts.get(filterOf(e.kind)) ?? 0) + 1);
  const shown = loaded.filter((e) => !hidden.includes(filterOf(e.kind))).reverse();
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
}
