import { type FormEvent, useEffect, useState } from 'react';
import { useIncidents } from '../app-context';
import { navigate } from '../use-hash-route';
import { useNow } from '../use-now';
import { ChecklistPanel } from './ChecklistPanel';
import { CommsPanel } from './CommsPanel';
import { RunbookPanel } from './packs/RunbookPanel';
import { IncidentFacts } from './IncidentFacts';
import { SeverityBadge, StatusBadge } from './SeverityBadge';
import { Timeline } from './Timeline';
import { TimersPanel } from './TimersPanel';

export function IncidentView({ id }: { id: number }) {
  const detail = useIncidents((s) => s.detail);
  const lifecycle = useIncidents((s) => s.lifecycle);
  const open = useIncidents((s) => s.open);
  const setStatus = useIncidents((s) => s.setStatus);
  const addNote = useIncidents((s) => s.addNote);
  const loadEarlier = useIncidents((s) => s.loadEarlier);
  const [note, setNote] = useState('');
  const [savingNote, setSavingNote] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const now = useNow();

  useEffect(() => {
    void open(id).catch(() => {});
  }, [id, open]);

  if (!detail || detail.incident.id !== id) return <p className="empty">Loading incident #{id}…</p>;
  const { incident, timeline } = detail;
  const statusName = (key: string) => lifecycle?.statuses.find((s) => s.key === key)?.name ?? key;
  const current = lifecycle?.statuses.find((s) => s.key === incident.status);
  const nextStatuses = lifecycle?.statuses.filter((s) => current?.next.includes(s.key)) ?? [];
  const relapse = current?.watch ? timeline.findLast((e) => e.kind === 'relapse' && e.at >= incident.statusChangedAt) : undefined;
  const reopenTo = lifecycle?.statuses[0];

  const submitNote = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!note.trim() || savingNote) return;
    setSavingNote(true);
    try {
      await addNote(id, note);
      setNote('');
    } catch {
      // the store shows the error; the text stays in the box
    } finally {
      setSavingNote(false);
    }
  };

  const changeStatus = async (status: string) => {
    setChangingStatus(true);
    try {
      await setStatus(id, status);
    } catch {
      // shown by the store
    } finally {
      setChangingStatus(false);
    }
  };

  return (
    <article aria-labelledby="incident-title">
      <header className="toolbar">
        <button type="button" onClick={() => navigate({ view: 'log' })} title="Back to the log (Esc)">
          ← Log
        </button>
        <h1 id="incident-title">
          <SeverityBadge severity={incident.severity} /> #{incident.id} {incident.title}
        </h1>
        <StatusBadge status={incident.status} name={statusName(incident.status)} />
      </header>
      {relapse && reopenTo && (
        <div className="banner warn" role="alert">
          {relapse.text.replace(': re-open?', '.')}{' '}
          <button type="button" className="primary" onClick={() => void changeStatus(reopenTo.key)}>
            Re-open ({reopenTo.name})
          </button>
        </div>
      )}
      <div className="status-actions" role="group" aria-label="Change status">
        {nextStatuses.map((s) => (
          <button key={s.key} type="button" disabled={changingStatus} onClick={() => void changeStatus(s.key)}>
            Move to {s.name}
          </button>
        ))}
        <button
          type="button"
          title="Opens a small window that can sit beside a terminal"
          onClick={() => {
            const url = `${window.location.href.split('#')[0]}#/incidents/${id}/checklist`;
            if (!window.open(url, `checklist-${id}`, 'popup,width=440,height=680')) navigate({ view: 'checklist', id });
          }}
        >
          Compact checklist
        </button>
        <button type="button" onClick={() => navigate({ view: 'postmortem', id })}>
          Post-mortem
        </button>
        <button type="button" onClick={() => navigate({ view: 'run-launch', incidentId: id })}>
          Run diagnostics ▸
        </button>
      </div>
      <IncidentFacts incident={incident} now={now} />
      <div className="columns">
        <div className="main-column">
          <section className="panel" aria-labelledby="checklists-heading">
            <h2 id="checklists-heading">Checklists</h2>
            <ChecklistPanel incidentId={id} checklists={detail.checklists} />
          </section>
          <h2>Timeline</h2>
          {detail.timelineTotal > timeline.length && (
            <button type="button" className="link muted" onClick={() => void loadEarlier(id).catch(() => {})}>
              Show earlier entries ({detail.timelineTotal - timeline.length} more)
            </button>
          )}
          <Timeline entries={timeline} />
          <form className="note-form" onSubmit={(e) => void submitNote(e)}>
            <label htmlFor="note">Add a note</label>
            <textarea
              id="note"
              value={note}
              rows={3}
              placeholder="What did you find or do? (Ctrl+Enter to add)"
              onChange={(e) => setNote(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submitNote();
              }}
            />
            <button type="submit" className="primary" disabled={savingNote || !note.trim()}>
              Add note
            </button>
          </form>
        </div>
        <aside className="side-column">
          <TimersPanel detail={detail} now={now} />
          <RunbookPanel incidentId={id} service={incident.service} />
          <CommsPanel incidentId={id} />
        </aside>
      </div>
    </article>
  );
}
