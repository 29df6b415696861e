import { useState } from 'react';
import type { BusinessHours, OnCallSetting, Weekday } from '../../preload/contract';
import { WEEKDAYS } from '../../preload/contract/plain-values';
import { formatDateTime } from '../../main/shared/time-format';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';

type Kind = 'none' | 'rotation' | 'calendar';

interface Draft {
  hours: BusinessHours;
  kind: Kind;
  people: string;
  handoffDay: Weekday;
  handoffTime: string;
  rotationZone: string;
  lengthDays: string;
  startsOn: string;
  source: string;
  refreshMinutes: string;
}

function draftOf(hours: BusinessHours, onCall: OnCallSetting | null): Draft {
  return {
    hours,
    kind: onCall?.kind ?? 'none',
    people: onCall?.kind === 'rotation' ? onCall.people.join(', ') : '',
    handoffDay: onCall?.kind === 'rotation' ? onCall.handoffDay : 'mon',
    handoffTime: onCall?.kind === 'rotation' ? onCall.handoffTime : '09:00',
    rotationZone: onCall?.kind === 'rotation' ? onCall.timeZone : hours.timeZone,
    lengthDays: onCall?.kind === 'rotation' ? String(onCall.lengthDays) : '7',
    startsOn: onCall?.kind === 'rotation' ? onCall.startsOn : '',
    source: onCall?.kind === 'calendar' ? onCall.source : '',
    refreshMinutes: onCall?.kind === 'calendar' ? String(onCall.refreshMinutes) : '15',
  };
}

// As typed: the engine checks it and names the field at fault.
function onCallOf(d: Draft): OnCallSetting | null {
  if (d.kind === 'none') return null;
  if (d.kind === 'calendar') return { kind: 'calendar', source: d.source, refreshMinutes: Number(d.refreshMinutes) };
  const people = d.people.split(',').map((p) => p.trim()).filter(Boolean);
  return { kind: 'rotation', people, handoffDay: d.handoffDay, handoffTime: d.handoffTime, timeZone: d.rotationZone, lengthDays: Number(d.lengthDays), startsOn: d.startsOn };
}

/** Business hours and who is on call (a rotation or an iCalendar file or URL). */
export function OnCallEditor() {
  const api = useApi();
  const query = useQuery('escalation.settings');
  const now = useQuery('oncall.now');
  const [draft, setDraft] = useState<Draft | null>(null);
  const refresh = async () => {
    await Promise.all([query.refresh(), now.refresh()]);
  };
  const saving = useMutation(refresh);
  if (!query.data) return <QueryStatus query={query} what="the on-call settings" />;
  const d = draft ?? draftOf(query.data.businessHours, query.data.onCall);
  const set = (change: Partial<Draft>) => setDraft({ ...d, ...change });
  const setHours = (change: Partial<BusinessHours>) => set({ hours: { ...d.hours, ...change } });
  const save = async () => {
    const outcome = await saving.run(() => api.call('escalation.saveSettings', { businessHours: d.hours, onCall: onCallOf(d) }), () => 'On call and business hours saved.');
    if (outcome.ok) setDraft(null);
  };
  const current = now.data;
  return (
    <section className="panel" aria-labelledby="oncall-heading">
      <h2 id="oncall-heading">On call and business hours</h2>
      {current && (
        <p data-testid="oncall-now">
          {current.person ? `On call now: ${current.person}${current.until ? ` until ${formatDateTime(current.until)}` : ''}` : 'Nobody is on call.'}
          {current.next ? ` Next: ${current.next.person} from ${formatDateTime(current.next.from)}.` : ''}
          {current.problem ? <span className="muted"> {current.problem}</span> : null}
        </p>
      )}
      <fieldset>
        <legend>Business hours</legend>
        <div className="row">
          {WEEKDAYS.map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={d.hours.days.includes(day)}
                onChange={(e) => setHours({ days: e.target.checked ? WEEKDAYS.filter((w) => w === day || d.hours.days.includes(w)) : d.hours.days.filter((w) => w !== day) })}
              />
              {day}
            </label>
          ))}
        </div>
        <div className="row">
          <input aria-label="Business hours start" value={d.hours.start} onChange={(e) => setHours({ start: e.target.value })} placeholder="09:00" />
          <input aria-label="Business hours end" value={d.hours.end} onChange={(e) => setHours({ end: e.target.value })} placeholder="17:00" />
          <input aria-label="Business hours time zone" value={d.hours.timeZone} onChange={(e) => setHours({ timeZone: e.target.value })} placeholder="Europe/Berlin" />
        </div>
      </fieldset>
      <fieldset>
        <legend>On call</legend>
        <select aria-label="On-call source" value={d.kind} onChange={(e) => set({ kind: e.target.value as Kind })}>
          <option value="none">Not set</option>
          <option value="rotation">Rotation</option>
          <option value="calendar">iCalendar file or URL</option>
        </select>
        {d.kind === 'rotation' && (
          <div className="row">
            <input aria-label="People, in turn" value={d.people} onChange={(e) => set({ people: e.target.value })} placeholder="Dana Lee, Lee Park" />
            <select aria-label="Handoff day" value={d.handoffDay} onChange={(e) => set({ handoffDay: e.target.value as Weekday })}>
              {WEEKDAYS.map((day) => (
                <option key={day} value={day}>
                  {day}
                </option>
              ))}
            </select>
            <input aria-label="Handoff time" value={d.handoffTime} onChange={(e) => set({ handoffTime: e.target.value })} />
            <input aria-label="Rotation time zone" value={d.rotationZone} onChange={(e) => set({ rotationZone: e.target.value })} />
            <input aria-label="Turn length in days" value={d.lengthDays} onChange={(e) => set({ lengthDays: e.target.value })} />
            <input aria-label="First turn starts on" value={d.startsOn} onChange={(e) => set({ startsOn: e.target.value })} placeholder="2026-11-02" />
          </div>
        )}
        {d.kind === 'calendar' && (
          <div className="row">
            <input aria-label="Calendar file or URL" value={d.source} onChange={(e) => set({ source: e.target.value })} placeholder="/home/ana/oncall.ics" />
            <input aria-label="Read again every (minutes)" value={d.refreshMinutes} onChange={(e) => set({ refreshMinutes: e.target.value })} />
          </div>
        )}
      </fieldset>
      <div className="row">
        <button type="button" className="primary" disabled={saving.busy} onClick={() => void save()}>
          Save on call and business hours
        </button>
      </div>
      <StatusLine message={saving.message} />
    </section>
  );
}
