import type { EngineContext } from '../engine-context';
import { formatDateTime } from '../incidents/domain/format-time';
import type { EscalationStore } from './escalation-store';
import type { OnCall } from './on-call';

/**
 * Tells the person at the laptop when the on-call turn changes hands, once per handoff, and points
 * to the on-call handoff checklist every incident window offers. The turn found on the very first
 * look is recorded without a notice: it began before anyone set the rotation up.
 */
export function announceHandoff(ctx: EngineContext, store: EscalationStore, onCall: OnCall): boolean {
  const now = ctx.now();
  const { turns } = onCall.turns(now);
  const current = turns.current;
  if (!current) return false;
  const first = !store.hasHandoffs();
  const before = onCall.turns(current.from - 1).turns.current?.person ?? null;
  if (!store.claimHandoff(current.from, before, current.person, now) || first) return false;
  const until = formatDateTime(current.until);
  ctx.notifier.notify({
    key: `oncall:handoff:${current.from}`,
    title: `On-call handoff: ${current.person} is on call`,
    body: `${before ? `${before} hands over to ${current.person}` : `${current.person} takes over`} until ${until}. Go through the on-call handoff checklist: each open incident's window offers it under Checklists.`,
  });
  ctx.trayChanged();
  return true;
}
