import type { TrayProblem } from '../../../../preload/contract';
import { formatDuration } from '../../lib/config/duration';
import type { MonitorEvent } from '../monitor-service';
import type { MonitorState } from './monitor-state';
import type { NotificationRequest } from '../../notifications/notifications-port';

export interface NoticeSubject {
  id: number;
  name: string;
  target: string;
  severity?: string;
}

const BODY_LINE_MAX = 300;

/**
 * What a person is told about one monitor event; null for events that are not worth interrupting
 * anyone for. Pure, so wording and dedupe keys are unit-tested.
 */
export function monitorNotice(event: MonitorEvent, subject: NoticeSubject): NotificationRequest | null {
  const base = { severity: subject.severity, target: { kind: 'monitor' as const, id: String(subject.id) }, scope: `monitor:${subject.id}` };
  const key = (what: string, at: number) => `monitor:${subject.id}:${what}:${at}`;
  switch (event.type) {
    case 'down': {
      const downFor = event.at - event.since;
      const reasons = event.failedConditions.length > 0 ? event.failedConditions : [event.error ?? 'the check failed'];
      const lines = reasons.map(clip);
      if (event.error && !reasons.some((r) => event.error!.startsWith(r))) lines.push(`Last error: ${clip(event.error)}`);
      lines.push(subject.target);
      return { ...base, key: key('down', event.since), title: `${subject.name} is down${downFor >= 1000 ? ` for ${formatDuration(downFor)}` : ''}`, body: lines.join('\n') };
    }
    case 'reminder':
      return {
        ...base,
        key: key('reminder', event.at),
        title: `${subject.name} is still down after ${formatDuration(event.downForMs)}`,
        body: [`Last error: ${clip(event.error ?? 'the check failed')}`, subject.target].join('\n'),
      };
    case 'recovered':
      return {
        ...base,
        key: key('recovered', event.since),
        title: `${subject.name} is back up`,
        body: `It was down for ${formatDuration(event.durationMs)}.\n${subject.target}`,
      };
    case 'flapping':
      return {
        ...base,
        key: key('flapping', event.at),
        title: `${subject.name} is flapping`,
        body: `It changed between up and down ${event.changes} times in ${formatDuration(event.windowMs)}. Its notifications pause until it settles.`,
      };
    default:
      return null;
  }
}

/** One notice for the whole machine instead of one per monitor. */
export function offlineNotice(at: number): NotificationRequest {
  return {
    key: `offline:${at}`,
    title: 'You are offline',
    body: 'Checks keep running, but no monitor is reported down until the network is back.',
    scope: 'offline',
    target: { kind: 'monitor', id: 'offline' },
  };
}

export interface ProblemSubject {
  id: number;
  name: string;
  state: MonitorState | undefined;
}

/** Tray entries for monitors that are down or flapping, the offline state and a broken config. */
export function monitorProblems(
  subjects: Iterable<ProblemSubject>,
  offlineSince: number | null,
  configProblem: { label: string; since: number } | null,
): TrayProblem[] {
  const problems: TrayProblem[] = [];
  if (offlineSince !== null) {
    problems.push({ key: 'monitors:offline', label: 'You are offline: monitors are on hold', level: 'unknown', since: offlineSince, target: { kind: 'monitor', id: 'offline' } });
  }
  if (configProblem) {
    problems.push({ key: 'monitors:config', label: configProblem.label, level: 'degraded', since: configProblem.since, target: { kind: 'monitor', id: 'config' } });
  }
  for (const { id, name, state } of subjects) {
    if (!state) continue;
    const target = { kind: 'monitor' as const, id: String(id) };
    const since = state.outageSince ?? state.failingSince ?? state.lastCheckAt ?? 0;
    if (state.flapping) {
      problems.push({ key: `monitor:${id}`, label: `${name}: flapping between up and down`, level: 'degraded', since: state.changes[0] ?? since, target });
    } else if (state.status === 'down') {
      problems.push({ key: `monitor:${id}`, label: `${name}: ${state.lastError ?? 'down'}`, level: 'down', since, target });
    }
  }
  return problems;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > BODY_LINE_MAX ? `${line.slice(0, BODY_LINE_MAX - 1)}…` : line;
}
