import type { BusinessHours, SeverityLevel, StatusLifecycle, TimelineEntry, Timer, TimerKind } from '../../../../preload/contract';
import { DEFAULT_BUSINESS_HOURS, levelMinutesAfter, responseDueAt } from './business-hours';
import { hasOwnChain, nextChainStep, stampedSteps } from './escalation-chain';
import { formatMinutes } from './format-time';
import type { WorkflowIncident } from './incident-types';
import { DEFAULT_LIFECYCLE, isOpenStatus, isWatchStatus } from './lifecycle';
import { type StatusChange, statusChanges } from './status-history';

/** "Remind me later": pushes one timer of one incident to `until`. Stored, so it survives restarts. */
export interface Snooze {
  kind: TimerKind;
  until: number;
  /** When the snooze was asked for; a snooze from an earlier cycle (before the last update) no longer applies. */
  at: number;
}

/** A timer as computed here: also when it fell due before any snooze. */
export type ComputedTimer = Timer & { baseDueAt: number };


interface BaseTimer {
  kind: TimerKind;
  baseDueAt: number;
  /** When the cycle this due time belongs to began; snoozes older than this are stale. */
  cycleStart: number;
  label: string;
}

/** Since when the incident has been open in one stretch: declaration, or its latest re-opening. */
function openSince(incident: WorkflowIncident, changes: StatusChange[], lifecycle: StatusLifecycle): number {
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (!isOpenStatus(lifecycle, c.from) && isOpenStatus(lifecycle, c.to)) return c.at;
  }
  return incident.createdAt;
}

/** When the current unbroken run of watch statuses began (Monitoring → Resolved is one watch). */
export function watchStart(incident: WorkflowIncident, timeline: TimelineEntry[], lifecycle: StatusLifecycle = DEFAULT_LIFECYCLE): number | null {
  if (!isWatchStatus(lifecycle, incident.status)) return null;
  const changes = statusChanges(timeline);
  let start = incident.statusChangedAt;
  for (let i = changes.length - 1; i >= 0; i--) {
    const c = changes[i];
    if (!isWatchStatus(lifecycle, c.to)) break;
    start = c.at;
    if (!isWatchStatus(lifecycle, c.from)) break;
  }
  return start;
}

function ackLabel(key: string, level: SeverityLevel): string {
  const m = level.responseMinutes;
  if (level.responseClock === 'next-business-day') {
    return `Acknowledge: ${key} is answered on the next business day${m ? `, within ${formatMinutes(m)} of business hours` : ''}`;
  }
  return `Acknowledge: the ${key} response time is ${formatMinutes(m ?? 0)}${level.responseClock === 'business' ? ' of business hours' : ''}`;
}

function baseTimers(
  incident: WorkflowIncident,
  level: SeverityLevel,
  timeline: TimelineEntry[],
  lifecycle: StatusLifecycle,
  hours: BusinessHours,
): BaseTimer[] {
  const out: BaseTimer[] = [];
  const key = incident.severity;
  const open = isOpenStatus(lifecycle, incident.status);
  const watching = isWatchStatus(lifecycle, incident.status);
  const since = openSince(incident, statusChanges(timeline), lifecycle);

  const ackDue = open && incident.acknowledgedAt === null ? responseDueAt(incident.createdAt, level, hours) : null;
  if (ackDue !== null) out.push({ kind: 'ack', baseDueAt: ackDue, cycleStart: incident.createdAt, label: ackLabel(key, level) });
  // A level's own chain: the next step the escalation area will fire, counted from declaration.
  const next = hasOwnChain(level) && open && !watching ? nextChainStep(level, incident.createdAt, incident.acknowledgedAt, stampedSteps(timeline), hours) : null;
  if (next) {
    const steps = level.escalation?.length ?? 1;
    out.push({
      kind: 'escalation',
      baseDueAt: next.dueAt,
      cycleStart: incident.createdAt,
      label: `Escalation step ${next.index + 1} of ${steps}: to ${next.step.to}${next.step.channel ? ` by ${next.step.channel}` : ''} (${key} unresolved after ${formatMinutes(next.step.afterMinutes)})`,
    });
  }
  const escalated = timeline.some((e) => e.kind === 'escalated' && e.at >= since);
  if (!hasOwnChain(level) && open && !watching && !escalated && level.escalateAfterMinutes !== null) {
    const to = level.escalateTo.join(', ') || 'the next person on the escalation path';
    out.push({
      kind: 'escalation',
      baseDueAt: levelMinutesAfter(since, level.escalateAfterMinutes, level, hours),
      cycleStart: since,
      label:
        level.escalateAfterMinutes === 0
          ? `Escalate to ${to} at once (${key})`
          : `Escalate to ${to}: ${key} unresolved after ${formatMinutes(level.escalateAfterMinutes)}`,
    });
  }
  if (open && level.updateCadenceMinutes !== null) {
    const cycleStart = Math.max(incident.lastUpdateAt ?? incident.createdAt, since);
    out.push({
      kind: 'update',
      baseDueAt: levelMinutesAfter(cycleStart, level.updateCadenceMinutes, level, hours),
      cycleStart,
      label: `Status update due: ${key} updates go out every ${formatMinutes(level.updateCadenceMinutes)}`,
    });
  }
  const start = watchStart(incident, timeline, lifecycle);
  if (start !== null && level.postFixWatchMinutes !== null) {
    out.push({
      kind: 'postfix-watch',
      baseDueAt: levelMinutesAfter(start, level.postFixWatchMinutes, level, hours),
      cycleStart: start,
      label: `Post-fix watch: ${key} is watched for ${formatMinutes(level.postFixWatchMinutes)} after the fix`,
    });
  }
  return out;
}

function applySnoozes(base: BaseTimer, snoozes: Snooze[], now: number): ComputedTimer {
  let until: number | null = null;
  for (const s of snoozes) {
    if (s.kind !== base.kind || s.at < base.cycleStart || s.until <= base.baseDueAt) continue;
    if (until === null || s.until > until) until = s.until;
  }
  const dueAt = until ?? base.baseDueAt;
  return {
    kind: base.kind,
    dueAt,
    baseDueAt: base.baseDueAt,
    snoozed: until !== null && now < until,
    overdue: now >= dueAt,
    label: base.label,
  };
}

/**
 * The timers of one incident at `now`, soonest first. Derived only from stored fields, the
 * timeline and stored snoozes, so recomputing after a restart gives the same answer.
 * A level of undefined (severity missing from the scheme) yields no timers.
 * An ended post-fix watch is kept while the incident is still open (it prompts "resolve?"),
 * and dropped once the incident is resolved.
 */
export function computeTimers(
  incident: WorkflowIncident,
  level: SeverityLevel | undefined,
  timeline: TimelineEntry[],
  now: number,
  snoozes: Snooze[] = [],
  lifecycle: StatusLifecycle = DEFAULT_LIFECYCLE,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): ComputedTimer[] {
  if (!level) return [];
  const open = isOpenStatus(lifecycle, incident.status);
  return baseTimers(incident, level, timeline, lifecycle, hours)
    .map((b) => applySnoozes(b, snoozes, now))
    .filter((t) => !(t.kind === 'postfix-watch' && !open && t.overdue))
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** The timer to show beside the incident in the tray: the soonest (an overdue one comes first). */
export function nearestTimer(timers: Timer[]): Timer | null {
  let best: Timer | null = null;
  for (const t of timers) if (best === null || t.dueAt < best.dueAt) best = t;
  return best;
}

/**
 * Timers that fell due in (prevNow, now]. Consecutive checks share their boundaries, so every
 * due moment lands in exactly one interval and nothing fires twice; after a restart, pass the
 * last checked time as prevNow to catch what fell due while the app was closed.
 * A snoozed timer fires again when its snooze ends. The steps of a level's own escalation chain
 * are left out: the escalation area fires (and notifies) each of them itself.
 */
export function dueNotifications(
  prevNow: number,
  now: number,
  incident: WorkflowIncident,
  level: SeverityLevel | undefined,
  timeline: TimelineEntry[],
  snoozes: Snooze[] = [],
  lifecycle: StatusLifecycle = DEFAULT_LIFECYCLE,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): ComputedTimer[] {
  if (!level || now <= prevNow) return [];
  return baseTimers(incident, level, timeline, lifecycle, hours)
    .map((b) => applySnoozes(b, snoozes, now))
    .filter((t) => t.dueAt > prevNow && t.dueAt <= now && !(t.kind === 'escalation' && hasOwnChain(level)))
    .sort((a, b) => a.dueAt - b.dueAt);
}

/**
 * Whether a monitor failing at `at` falls inside the post-fix watch, so the app should offer to
 * re-open the incident instead of declaring a new one.
 */
export function isInsidePostFixWatch(
  incident: WorkflowIncident,
  level: SeverityLevel | undefined,
  timeline: TimelineEntry[],
  at: number,
  lifecycle: StatusLifecycle = DEFAULT_LIFECYCLE,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): boolean {
  const start = watchStart(incident, timeline, lifecycle);
  if (start === null || !level || level.postFixWatchMinutes === null) return false;
  return at >= start && at < levelMinutesAfter(start, level.postFixWatchMinutes, level, hours);
}
