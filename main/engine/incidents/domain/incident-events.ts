import { type ChecklistOffer, type ChecklistPhase, type SeverityScheme, type StatusLifecycle, type TimelineEntry, TimerKind } from '../../../../preload/contract';
import { formatDateTime } from './format-time';
import type { IncidentUpdates, NewTimelineEntry, WorkflowIncident } from './incident-types';
import { DEFAULT_LIFECYCLE, initialStatus } from './lifecycle';
import { findLevel } from './severity-schemes';
import type { Snooze } from './timers';

export interface Declaration {
  title: string;
  severity: string;
  service?: string;
  impact?: string;
  commander?: string;
}

export type DeclarationPlan =
  | { ok: true; incident: Omit<WorkflowIncident, 'id'>; entries: NewTimelineEntry[] }
  | { ok: false; error: string };

/** The new incident's fields and its first timeline entry. */
export function planDeclaration(
  input: Declaration,
  actor: string,
  now: number,
  options: { lifecycle?: StatusLifecycle; scheme?: SeverityScheme } = {},
): DeclarationPlan {
  const title = input.title.trim();
  if (!title) return { ok: false, error: 'An incident needs a title: say in a few words what is wrong.' };
  let severity = input.severity.trim();
  const level = options.scheme ? findLevel(options.scheme, severity) : undefined;
  if (options.scheme && !level) {
    const known = options.scheme.levels.map((l) => l.key).join(', ');
    return { ok: false, error: `Severity '${severity}' is not in the scheme; use one of ${known}.` };
  }
  if (level) severity = level.key;
  const service = input.service?.trim() ?? '';
  const commander = input.commander?.trim() ?? '';
  const details = [service && `service ${service}`, commander && `commander ${commander}`].filter(Boolean).join(', ');
  return {
    ok: true,
    incident: {
      title,
      severity,
      status: initialStatus(options.lifecycle ?? DEFAULT_LIFECYCLE).key,
      impact: input.impact?.trim() ?? '',
      commander,
      service,
      createdAt: now,
      acknowledgedAt: null,
      resolvedAt: null,
      eta: null,
      statusChangedAt: now,
      lastUpdateAt: null,
      level: level ?? null,
    },
    // The level goes into the record too: what the incident was rated with stays readable there.
    entries: [{ at: now, kind: 'declared', actor, text: `Declared ${severity}: ${title}${details ? ` (${details})` : ''}`, data: { severity, level: level ?? null } }],
  };
}

/** A sent communication update: kept whole in the timeline, and it restarts the update timer. */
export function planUpdateSent(
  channel: string,
  text: string,
  actor: string,
  now: number,
  templateId?: string,
): { updates: IncidentUpdates; entries: NewTimelineEntry[] } {
  return {
    updates: { lastUpdateAt: now },
    entries: [{ at: now, kind: 'update', actor, text: `Update sent via ${channel}:\n${text}`, data: { channel, templateId, text } }],
  };
}

/** A post that failed: the reason and the full text stay on record so nothing typed is lost. */
export function planUpdateFailed(channel: string, error: string, text: string, actor: string, now: number): NewTimelineEntry {
  return { at: now, kind: 'update-failed', actor, text: `Update NOT sent via ${channel}: ${error}`, data: { channel, error, text } };
}

export function planChecklistTick(checklist: string, item: string, done: boolean, actor: string, now: number): NewTimelineEntry {
  return {
    at: now,
    kind: 'checklist',
    actor,
    text: `${done ? 'Done' : 'Not done'}: ${item} (${checklist})`,
    data: { checklist, item, done },
  };
}

export function planChecklistItemAdded(checklist: string, item: string, actor: string, now: number): NewTimelineEntry {
  return { at: now, kind: 'checklist', actor, text: `Added to ${checklist}: ${item}`, data: { checklist, item, added: true } };
}

const PHASE_NAMES: Record<ChecklistPhase, string> = {
  response: 'the first response',
  during: 'the incident',
  'post-incident': 'after the incident',
  handoff: 'the on-call handoff',
};

/** Lists attached after declaration (on resolving, or on request), so the record says when they came. */
export function planChecklistsAttached(phase: ChecklistPhase, lists: readonly ChecklistOffer[], actor: string, now: number): NewTimelineEntry {
  const titles = lists.map((l) => `${l.title} (${l.items.length} item${l.items.length === 1 ? '' : 's'})`).join(', ');
  return { at: now, kind: 'checklist', actor, text: `Checklists for ${PHASE_NAMES[phase]}: ${titles}`, data: { phase, lists: lists.map((l) => l.title) } };
}

const TIMER_NAMES: Record<TimerKind, string> = {
  ack: 'acknowledgement reminder',
  escalation: 'escalation reminder',
  update: 'status update reminder',
  'postfix-watch': 'post-fix watch',
};

export function planSnooze(kind: TimerKind, until: number, actor: string, now: number, timeZone = 'UTC'): NewTimelineEntry {
  return { at: now, kind: 'snooze', actor, text: `Snoozed the ${TIMER_NAMES[kind]} until ${formatDateTime(until, timeZone)}`, data: { timer: kind, until } };
}

/** Snoozes recorded in the timeline, ready for computeTimers. */
export function snoozesFromTimeline(timeline: TimelineEntry[]): Snooze[] {
  const out: Snooze[] = [];
  for (const e of timeline) {
    if (e.kind !== 'snooze' || typeof e.data !== 'object' || e.data === null) continue;
    const d = e.data as { timer?: unknown; until?: unknown };
    const kind = TimerKind.safeParse(d.timer);
    if (kind.success && typeof d.until === 'number') out.push({ kind: kind.data, until: d.until, at: e.at });
  }
  return out;
}

/** Recording an escalation stops the escalation timer until the incident is re-opened. */
export function planEscalation(to: string[], actor: string, now: number, note = ''): NewTimelineEntry {
  const who = to.length ? to.join(', ') : 'the next level';
  return { at: now, kind: 'escalated', actor, text: `Escalated to ${who}${note.trim() ? `: ${note.trim()}` : ''}`, data: { to } };
}
