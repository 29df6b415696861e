import type { EscalationStep, SeverityLevel, TimelineEntry } from '../../../../preload/contract';

/** The literal a step names to reach whoever is on call when it fires. */
export const ON_CALL = 'on-call';

const MINUTE = 60_000;

/**
 * A level's escalation as an ordered chain. A level from before chains existed (escalateAfterMinutes
 * with escalateTo) reads as one step to everyone it names; a level with neither has none.
 */
export function levelChain(level: SeverityLevel): EscalationStep[] {
  if (level.escalation) return level.escalation;
  if (level.escalateAfterMinutes === null || level.escalateTo.length === 0) return [];
  return [{ afterMinutes: level.escalateAfterMinutes, to: level.escalateTo.join(', ') }];
}

/** Whether the level gives its own chain, whose steps the escalation area fires (rather than one reminder). */
export function hasOwnChain(level: SeverityLevel): boolean {
  return level.escalation !== undefined;
}

export function isOnCallStep(step: EscalationStep): boolean {
  return step.to.trim().toLowerCase() === ON_CALL;
}

/** Paging the on-call stops once someone acknowledged; the chain's other steps go on while unresolved. */
export function passedOver(step: EscalationStep, acknowledgedAt: number | null): boolean {
  return acknowledgedAt !== null && isOnCallStep(step);
}

/** Steps already stamped in the timeline by the escalation area (their 0-based positions). */
export function stampedSteps(timeline: readonly TimelineEntry[]): Set<number> {
  const out = new Set<number>();
  for (const e of timeline) {
    const step = (e.data as { step?: unknown } | undefined)?.step;
    if (e.kind === 'escalated' && typeof step === 'number') out.add(step);
  }
  return out;
}

/** The chain's next step still to fire: neither stamped nor passed over; null when none is left. */
export function nextChainStep(
  level: SeverityLevel,
  declaredAt: number,
  acknowledgedAt: number | null,
  done: ReadonlySet<number>,
): { index: number; step: EscalationStep; dueAt: number } | null {
  const chain = levelChain(level);
  for (let index = 0; index < chain.length; index++) {
    const step = chain[index];
    if (done.has(index) || passedOver(step, acknowledgedAt)) continue;
    return { index, step, dueAt: declaredAt + step.afterMinutes * MINUTE };
  }
  return null;
}
