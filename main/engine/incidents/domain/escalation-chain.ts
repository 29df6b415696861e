import type { BusinessHours, EscalationStep, SeverityLevel, TimelineEntry } from '../../../../preload/contract';
import { addBusinessMinutes, nextBusinessDayStart } from './business-hours';

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

/**
 * When a step falls due: `afterMinutes` on the wall clock, or, for a level that responds in
 * business hours, minutes of business time (from the next business day's start for a
 * "next business day" level), so a chain never pages a weekend for a business-hours level.
 */
export function stepDueAt(level: SeverityLevel, declaredAt: number, step: EscalationStep, hours: BusinessHours): number {
  const clock = level.responseClock ?? 'always';
  if (clock === 'business') return addBusinessMinutes(declaredAt, step.afterMinutes, hours);
  if (clock === 'next-business-day') return addBusinessMinutes(nextBusinessDayStart(declaredAt, hours), step.afterMinutes, hours);
  return declaredAt + step.afterMinutes * MINUTE;
}

/** The chain's next step still to fire: neither stamped nor passed over; null when none is left. */
export function nextChainStep(
  level: SeverityLevel,
  declaredAt: number,
  acknowledgedAt: number | null,
  done: ReadonlySet<number>,
  hours: BusinessHours,
): { index: number; step: EscalationStep; dueAt: number } | null {
  const chain = levelChain(level);
  for (let index = 0; index < chain.length; index++) {
    const step = chain[index];
    if (done.has(index) || passedOver(step, acknowledgedAt)) continue;
    return { index, step, dueAt: stepDueAt(level, declaredAt, step, hours) };
  }
  return null;
}
