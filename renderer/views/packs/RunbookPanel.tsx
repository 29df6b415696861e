import { plural } from '../../../main/shared/time-format';
import { useQuery } from '../../store/use-query';
import { navigate } from '../../use-hash-route';
import { QueryStatus } from '../QueryStatus';

// What the team's imported runbook offers for this incident's service: its diagnostics and procedures.
export function RunbookPanel({ incidentId, service }: { incidentId: number; service: string }) {
  const query = useQuery('packs.list', { service }, { enabled: service !== '' });
  const packs = query.data ?? [];
  if (packs.length === 0 && !query.error) return null;
  return (
    <section className="panel" aria-labelledby="runbook-heading">
      <h2 id="runbook-heading">From the runbook</h2>
      <QueryStatus query={query} what="the runbook packs" quiet />
      {packs.map((pack) => (
        <div key={pack.id}>
          <h3>{pack.name}</h3>
          <ul aria-label={`Procedures of ${pack.name}`}>
            {pack.content.procedures.map((p) => (
              <li key={`${p.kind}-${p.title}`}>
                <span className="muted">{p.kind === 'diagnostic' ? 'Diagnostic' : p.kind === 'rollback' ? 'Rollback' : 'Resolution'}:</span> {p.title}{' '}
                <span className="muted small">({plural(p.steps.length, 'step')})</span>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => navigate({ view: 'run-launch', incidentId })}>
            Run diagnostics ▸
          </button>
        </div>
      ))}
    </section>
  );
}
