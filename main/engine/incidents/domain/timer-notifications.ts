import type { Timer } from '../../../../preload/contract';
import { formatDuration } from './format-time';
import type { WorkflowIncident } from './incident-types';

export interface TimerNotice {
  title: string;
  body: string;
}

/**
 * The words of the native notification raised when a timer falls due. `escalateTo` lists the
 * contacts to offer (e.g. "Manager: Dana Lee, +1 555 0101"), so the person can act from the notice.
 */
export function timerNotice(incident: WorkflowIncident, timer: Timer, now: number, escalateTo: string[] = []): TimerNotice {
  const title = `#${incident.id} ${incident.severity} · ${incident.title}`;
  const age = formatDuration(now - incident.createdAt);
  const late = now > timer.dueAt ? ` (${formatDuration(now - timer.dueAt)} late)` : '';
  switch (timer.kind) {
    case 'ack':
      return { title, body: `Not acknowledged ${age} after declaration${late}. ${timer.label}.` };
    case 'escalation': {
      const who = escalateTo.length ? `\nContacts: ${escalateTo.join('; ')}` : '';
      return { title, body: `Unresolved for ${age}${late}. ${timer.label}.${who}` };
    }
    case 'update':
      return {
        title,
        body: incident.lastUpdateAt === null
          ? `No status update sent yet${late}. ${timer.label}.`
          : `Last status update was ${formatDuration(now - incident.lastUpdateAt)} ago${late}. ${timer.label}.`,
      };
    case 'postfix-watch':
      return { title, body: `${timer.label}: the watch is over with no relapse recorded. Resolve or keep watching.` };
  }
}
