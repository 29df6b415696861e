import { useIncident } from '../store/incident-queries';
import { navigate } from '../use-hash-route';
import { ChecklistPanel } from './ChecklistPanel';
import { QueryStatus } from './QueryStatus';
import { SeverityBadge } from './SeverityBadge';

// Narrow enough to sit beside a terminal: the incident's checklists and nothing else.
export function ChecklistWindow({ id }: { id: number }) {
  const query = useIncident(id);
  const detail = query.data;
  if (!detail) return <QueryStatus query={query} what={`incident #${id}`} />;
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
      <QueryStatus query={query} what={`incident #${id}`} />
      <ChecklistPanel detail={detail} refresh={query.refresh} compact />
    </div>
  );
}
