import type { Placeholder } from './comm-templates';
import { formatDateTime, formatDuration, formatMinutes } from './format-time';
import type { Incident, TimelineEntry } from './incident-types';
import { DEFAULT_LIFECYCLE, type StatusLifecycle, statusName } from './lifecycle';
import type { SeverityLevel } from './severity-schemes';

export interface TemplateValueOptions {
  timeZone?: string;
  /** Needed for {{next_update}} (update cadence) and {{watch}} (post-fix watch). */
  level?: SeverityLevel;
  lifecycle?: StatusLifecycle;
}

const MINUTE = 60_000;
const MAX_ACTIONS = 5;

/** What was done since the last update: notes and ticked checklist items, newest last. */
function recentActions(incident: Incident, timeline: TimelineEntry[]): string {
  const since = incident.lastUpdateAt ?? -Infinity;
  const actions: string[] = [];
  for (const e of timeline) {
    if (e.at <= since) continue;
    if (e.kind === 'note') actions.push(e.text.replace(/\s+/g, ' ').trim());
    const d = e.data as { done?: unknown; item?: unknown } | undefined;
    if (e.kind === 'checklist' && d?.done === true && typeof d.item === 'string') actions.push(d.item);
  }
  return actions.slice(-MAX_ACTIONS).join('; ');
}

/**
 * Values for every placeholder, taken from the incident as it stands at `now`. A value the
 * incident does not have is '' so the preview shows it unfilled. {{next_update}} assumes the
 * update being written goes out now, which is what restarts the update timer.
 */
export function templateValues(
  incident: Incident,
  timeline: TimelineEntry[],
  now: number,
  options: TemplateValueOptions = {},
): Record<Placeholder, string> {
  const tz = options.timeZone ?? 'UTC';
  const level = options.level;
  return {
    title: incident.title,
    severity: incident.severity,
    status: statusName(options.lifecycle ?? DEFAULT_LIFECYCLE, incident.status),
    impact: incident.impact,
    started: formatDateTime(incident.createdAt, tz),
    duration: formatDuration((incident.resolvedAt ?? now) - incident.createdAt),
    eta: incident.eta === null ? '' : formatDateTime(incident.eta, tz),
    // The Slack template writes "@{{commander}}"; a name typed as "@dana" must not become "@@dana".
    commander: incident.commander.replace(/^@+/, ''),
    next_update: level?.updateCadenceMinutes ? formatDateTime(now + level.updateCadenceMinutes * MINUTE, tz) : '',
    actions: recentActions(incident, timeline),
    service: incident.service,
    now: formatDateTime(now, tz),
    resolved: incident.resolvedAt === null ? '' : formatDateTime(incident.resolvedAt, tz),
    watch: level?.postFixWatchMinutes ? formatMinutes(level.postFixWatchMinutes) : '',
    cause: '',
  };
}
