import type { ChecklistOffer, ChecklistPhase } from '../../preload/contract';
import { plural } from '../../main/shared/time-format';
import { useApi } from '../app-context';
import { useMutation } from '../store/use-mutation';
import { useQuery } from '../store/use-query';
import { PHASES } from './checklist-phases';
import { StatusLine } from './StatusLine';

interface Props {
  incidentId: number;
  refresh: () => Promise<void>;
  onAttached: (phase: ChecklistPhase) => void;
}

// The phases the incident has no list for yet (the handoff list, the after-resolve list before
// resolving), attached only when someone asks: most incidents never need them.
export function ChecklistOffers({ incidentId, refresh, onAttached }: Props) {
  const api = useApi();
  const offers = useQuery('checklists.offers', { incidentId }, { refreshOn: { 'incidents.changed': (p) => p.id === null || p.id === incidentId } });
  const attaching = useMutation(async () => {
    await Promise.all([refresh(), offers.refresh()]);
  });
  const attach = async (phase: ChecklistPhase, name: string) => {
    const outcome = await attaching.run(
      () => api.call('checklists.attachPhase', { incidentId, phase }),
      () => `The ${name} checklist was added.`,
    );
    if (outcome.ok) onAttached(phase);
  };

  const byPhase = PHASES.map((p) => ({ ...p, lists: (offers.data ?? []).filter((o) => o.phase === p.phase) })).filter((p) => p.lists.length);
  if (byPhase.length === 0) return <StatusLine message={attaching.message} />;
  return (
    <div className="checklist-offers" role="group" aria-label="Checklists to add">
      {byPhase.map(({ phase, adjective, lists }) => (
        <div key={phase} className="row">
          <button type="button" disabled={attaching.busy} onClick={() => void attach(phase, adjective)}>
            Add the {adjective} checklist
          </button>
          <span className="muted small">{describe(lists)}</span>
        </div>
      ))}
      <StatusLine message={attaching.message} />
    </div>
  );
}

function describe(lists: ChecklistOffer[]): string {
  return lists.map((l) => `${l.title} (${plural(l.items.length, 'item')}${l.source === 'runbook' ? ', from the runbook' : ''})`).join('; ');
}
