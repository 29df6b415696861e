import { useEffect, useState } from 'react';
import type { Pack } from '../../../preload/contract';
import { useApi } from '../../app-context';
import { navigate } from '../../use-hash-route';

// What the team's imported runbook offers for this incident's service: its diagnostics and procedures.
export function RunbookPanel({ incidentId, service }: { incidentId: number; service: string }) {
  const api = useApi();
  const [packs, setPacks] = useState<Pack[]>([]);
  useEffect(() => {
    if (!service) return setPacks([]);
    void api.call('packs.list', { service }).then(setPacks).catch(() => {});
  }, [api, service]);
  if (packs.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="runbook-heading">
      <h2 id="runbook-heading">From the runbook</h2>
      {packs.map((pack) => (
        <div key={pack.id}>
          <h3>{pack.name}</h3>
          <ul aria-label={`Procedures of ${pack.name}`}>
            {pack.content.procedures.map((p) => (
              <li key={`${p.kind}-${p.title}`}>
                <span className="muted">{p.kind === 'diagnostic' ? 'Diagnostic' : p.kind === 'rollback' ? 'Rollback' : 'Resolution'}:</span> {p.title}{' '}
                <span className="muted small">({p.steps.length} steps)</span>
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
