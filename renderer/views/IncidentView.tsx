import type { IncidentDetail, Lifecycle } from '../../preload/contract';
import { useApi } from '../app-context';
import { useIncident, useLifecycle } from '../store/incident-queries';
import { useMutation } from '../store/use-mutation';
import { navigate } from '../use-hash-route';
import { useNow } from '../use-now';
import { ChecklistPanel } from './ChecklistPanel';
import { CommsPanel } from './CommsPanel';
import { IncidentFacts } from './IncidentFacts';
import { IncidentHeader } from './IncidentHeader';
import { PageButton } from './PageButton';
import { RunbookPanel } from './packs/RunbookPanel';
import { QueryStatus } from './QueryStatus';
import { StatusLine } from './StatusLine';
import { TimelinePanel } from './TimelinePanel';
import { TimersPanel } from './TimersPanel';

// The clock ticks every second in the parts that count down (header, timers) only: the timeline and the panels
// beside it render when the incident changes, not with each tick.
function LiveTimers({ detail, refresh }: { detail: IncidentDetail; refresh: () => Promise<void> }) {
  return <TimersPanel detail={detail} now={useNow()} refresh={refresh} />;
}

export function IncidentView({ id }: { id: number }) {
  const query = useIncident(id);
  const lifecycle = useLifecycle().data;

  const detail = query.data;
  if (!detail) return <QueryStatus query={query} what={`incident #${id}`} />;
  return (
    <article className="incident-view" aria-labelledby="incident-title">
      <IncidentHeader detail={detail} lifecycle={lifecycle} />
      <QueryStatus query={query} what={`incident #${id}`} />
      <NextActions detail={detail} lifecycle={lifecycle} refresh={query.refresh} />
      <div className="incident-layout">
        <TimelinePanel detail={detail} refresh={query.refresh} />
        <div className="incident-side">
          <LiveTimers detail={detail} refresh={query.refresh} />
          <section className="panel" aria-labelledby="checklists-heading">
            <h2 id="checklists-heading">Checklists</h2>
            <ChecklistPanel detail={detail} refresh={query.refresh} />
          </section>
          <section className="panel" aria-labelledby="facts-heading">
            <h2 id="facts-heading">Facts</h2>
            <IncidentFacts incident={detail.incident} lifecycle={lifecycle} refresh={query.refresh} />
          </section>
          <CommsPanel incidentId={id} refresh={query.refresh} />
          <RunbookPanel incidentId={id} service={detail.incident.service} />
        </div>
      </div>
    </article>
  );
}

interface NextActionsProps {
  detail: IncidentDetail;
  lifecycle: Lifecycle | null;
  refresh: () => Promise<void>;
}

// The moves open to the incident now, the most likely first: acknowledge it, then the next status.
function NextActions({ detail, lifecycle, refresh }: NextActionsProps) {
  const api = useApi();
  const moving = useMutation(refresh);
  const { incident } = detail;
  const id = incident.id;
  const current = lifecycle?.statuses.find((s) => s.key === incident.status);
  const statuses = lifecycle?.statuses ?? [];
  const nextStatuses = statuses.filter((s) => current?.next.includes(s.key));
  // The suggested move goes forward in the lifecycle (Monitoring → Resolved), never back to an earlier status.
  const forward = nextStatuses.find((s) => statuses.indexOf(s) > statuses.findIndex((c) => c.key === incident.status));
  const relapse = current?.watch ? detail.timeline.findLast((e) => e.kind === 'relapse' && e.at >= incident.statusChangedAt) : undefined;
  const reopenTo = lifecycle?.statuses[0];
  const acknowledged = incident.acknowledgedAt !== null;
  const changeStatus = (status: string) => void moving.run(() => api.call('incidents.setStatus', { id, status }));

  return (
    <>
      {relapse && reopenTo && (
        <div className="banner warn" role="alert">
          {relapse.text.replace(': re-open?', '.')}{' '}
          <button type="button" className="primary" disabled={moving.busy} onClick={() => changeStatus(reopenTo.key)}>
            Re-open ({reopenTo.name})
          </button>
        </div>
      )}
      <div className="next-actions" role="group" aria-label="Next actions">
        {!acknowledged && (
          <button type="button" className="primary" disabled={moving.busy} onClick={() => void moving.run(() => api.call('incidents.change', { id, acknowledge: true }))}>
            Acknowledge
          </button>
        )}
        {nextStatuses.map((s) => (
          <button key={s.key} type="button" className={acknowledged && s === forward ? 'primary' : ''} disabled={moving.busy} onClick={() => changeStatus(s.key)}>
            Move to {s.name}
          </button>
        ))}
        <span className="spacer" />
        <PageButton incidentId={id} refresh={refresh} />
        <button type="button" onClick={() => navigate({ view: 'run-launch', incidentId: id })}>
          Run diagnostics ▸
        </button>
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
      </div>
      <StatusLine message={moving.message} />
    </>
  );
}
