import { useEffect } from 'react';
import { useIncidents } from '../app-context';
import { navigate } from '../use-hash-route';
import { ChecklistPanel } from './ChecklistPanel';
import { SeverityBadge } from './SeverityBadge';

// Narrow enough to sit beside a terminal: the incident's checklists and nothing else.
export function ChecklistWindow({ id }: { id: number }) {
  const detail = useIncidents((s) => s.detail);
  const open = useIncidents((s) => s.open);
  useEffect(() => {
    void open(id).catch(() => {});
  }, [id, open]);
  if (!detail || detail.incident.id !== id) return <p className="empty">Loading…</p>;
  return (
    <div className="compact-window">
      <header className="toolbar">
        <button type="button" onClick={() => navigate({ view: 'incident', id })} aria-label="Back to the incident">
          ←
        </button>
        <h1>
          <SeverityBadge severity={detail.incident.severity} /> #{id} {detail.incident.title}
        </h1>
      </header>
      <ChecklistPanel incidentId={id} checklists={detail.checklists} compact />
    </div>
  );
}
