import type { NextEscalation } from '../../preload/contract';
import { formatDuration } from '../../main/shared/time-format';
import { useQuery } from '../store/use-query';

/** "Next: L2 (Lee Park) by Pager in 12 min" */
export function nextEscalationText(next: NextEscalation, now: number): string {
  const who = next.to.toLowerCase() === 'on-call' ? 'the on-call' : next.to;
  const people = next.people.length ? ` (${next.people.join(', ')})` : '';
  const how = next.channel ? ` by ${next.channel}` : ' (desktop notice)';
  const when = next.dueAt > now ? `in ${formatDuration(next.dueAt - now)}` : 'now';
  return `Next: ${who}${people}${how} ${when} — step ${next.step} of ${next.steps}`;
}

/** The next step of the incident's escalation chain; nothing when its level has no chain or the chain is done. */
export function NextEscalationLine({ incidentId, now }: { incidentId: number; now: number }) {
  const query = useQuery('escalation.next', { incidentId }, { refreshOn: { 'incidents.changed': (p) => p.id === null || p.id === incidentId } });
  const next = query.data?.next;
  if (!next) return null;
  return (
    <p className="next-escalation" data-testid="next-escalation">
      {nextEscalationText(next, now)}
    </p>
  );
}
