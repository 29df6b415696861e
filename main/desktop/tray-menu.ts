import type { TrayProblem, TrayState, TrayTarget } from '../../preload/contract';
import { formatAge } from '../shared/format-age';

export type TrayAction =
  | { kind: 'open-incident'; id: number }
  | { kind: 'open-target'; target: TrayTarget }
  | { kind: 'snooze-all'; minutes: number }
  | { kind: 'resume-notifications' }
  | { kind: 'declare' }
  | { kind: 'run-diagnostics' }
  | { kind: 'open' }
  | { kind: 'quit' };

export type MenuSpec = { type: 'separator' } | { type: 'item'; label: string; action?: TrayAction; enabled: boolean };

const MAX_LISTED = 8;
const TIMER_WORDS: Record<string, string> = { ack: 'ack', escalation: 'escalate', update: 'update', 'postfix-watch': 'watch ends' };

// Pure: engine state in, menu description out. The shell maps it onto Electron's Menu.
// What is down comes first, then open incidents with their nearest timer, then the actions.
export function buildTrayMenu(state: TrayState | null, now: number): MenuSpec[] {
  const items: MenuSpec[] = [];
  if (!state) {
    items.push({ type: 'item', label: 'Engine starting…', enabled: false });
  } else if (state.openIncidents.length === 0 && state.problems.length === 0) {
    items.push({ type: 'item', label: 'All clear — no open incidents', enabled: false });
  } else {
    items.push({ type: 'item', label: state.summary, enabled: false });
    for (const problem of state.problems.slice(0, MAX_LISTED)) items.push(problemItem(problem, now));
    if (state.problems.length > MAX_LISTED) items.push(moreItem(state.problems.length - MAX_LISTED));
    if (state.problems.length > 0 && state.openIncidents.length > 0) items.push({ type: 'separator' });
    for (const incident of state.openIncidents.slice(0, MAX_LISTED)) {
      const timer = incident.nextTimer ? `  · ${timerText(incident.nextTimer, now)}` : '';
      const next = incident.nextEscalation ? `  · next: ${escalationText(incident.nextEscalation, now)}` : '';
      items.push({
        type: 'item',
        label: `${incident.severity}  ${truncate(incident.title, 48)}  · ${formatAge(now - incident.createdAt)}${timer}${next}`,
        action: { kind: 'open-incident', id: incident.id },
        enabled: true,
      });
    }
    if (state.openIncidents.length > MAX_LISTED) items.push(moreItem(state.openIncidents.length - MAX_LISTED));
  }
  if (state?.onCall) items.push({ type: 'item', label: onCallText(state.onCall, now), enabled: false });
  items.push({ type: 'separator' });
  if (state?.snoozedUntil && state.snoozedUntil > now) {
    items.push({ type: 'item', label: `Notifications snoozed for ${formatAge(state.snoozedUntil - now)} — resume`, action: { kind: 'resume-notifications' }, enabled: true });
  } else {
    items.push({ type: 'item', label: 'Snooze all for 1 h', action: { kind: 'snooze-all', minutes: 60 }, enabled: state !== null });
  }
  items.push(
    { type: 'item', label: 'Declare incident…', action: { kind: 'declare' }, enabled: state !== null },
    { type: 'item', label: 'Run diagnostics…', action: { kind: 'run-diagnostics' }, enabled: state !== null },
    { type: 'item', label: 'Open Trayage', action: { kind: 'open' }, enabled: true },
    { type: 'separator' },
    { type: 'item', label: 'Quit', action: { kind: 'quit' }, enabled: true },
  );
  return items;
}

export function trayTooltip(state: TrayState | null): string {
  if (!state) return 'Trayage — engine starting';
  return `Trayage — ${state.summary}${state.onCall ? ` · on call: ${state.onCall.person}` : ''}`;
}

function onCallText(onCall: { person: string; until: number | null }, now: number): string {
  return `On call: ${onCall.person}${onCall.until !== null && onCall.until > now ? ` for ${formatAge(onCall.until - now)}` : ''}`;
}

function escalationText(next: { label: string; dueAt: number }, now: number): string {
  return next.dueAt <= now ? `${next.label} now` : `${next.label} in ${formatAge(next.dueAt - now)}`;
}

function problemItem(problem: TrayProblem, now: number): MenuSpec {
  const mark = problem.level === 'down' ? '✖' : problem.level === 'degraded' ? '▲' : '?';
  return {
    type: 'item',
    label: `${mark} ${truncate(problem.label, 56)}  · ${formatAge(now - problem.since)}`,
    action: { kind: 'open-target', target: problem.target },
    enabled: true,
  };
}

function timerText(timer: { kind: string; dueAt: number; overdue: boolean }, now: number): string {
  const word = TIMER_WORDS[timer.kind] ?? timer.kind;
  return timer.dueAt <= now ? `${word} overdue ${formatAge(now - timer.dueAt)}` : `${word} in ${formatAge(timer.dueAt - now)}`;
}

function moreItem(n: number): MenuSpec {
  return { type: 'item', label: `…and ${n} more`, action: { kind: 'open' }, enabled: true };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
