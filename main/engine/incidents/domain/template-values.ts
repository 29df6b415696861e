import type { SeverityLevel, StatusLifecycle, TimelineEntry } from '../../../../preload/contract';
import type { Placeholder } from './comm-templates';
import { formatDateTime, formatDuration, formatMinutes } from './format-time';
import { actionLines } from './incident-actions';
import { causeNotes } from './incident-notes';
import type { WorkflowIncident } from './incident-types';
import { DEFAULT_LIFECYCLE, statusName } from './lifecycle';

export interface TemplateValueOptions {
  timeZone?: string;
  /** The incident's own level; needed for {{next_update}} (update cadence) and {{watch}} (post-fix watch). */
  level?: SeverityLevel;
  lifecycle?: StatusLifecycle;
}

const MINUTE = 60_000;
const MAX_ACTIONS = 5;

/** What was done since the last update went out, the latest few, newest last. */
function recentActions(incident: WorkflowIncident, timeline: TimelineEntry[], lifecycle: StatusLifecycle): string {
  const since = incident.lastUpdateAt ?? -Infinity;
  return actionLines(timeline, lifecycle)
    .filter((a) => a.at > since)
    .slice(-MAX_ACTIONS)
    .map((a) => a.text)
    .join('; ');
}

/**
 * Values for every placeholder, taken from the incident as it stands at `now`. A value the
 * incident does not have is '' so the preview shows it unfilled. {{next_update}} assumes the
 * update being written goes out now, which is what restarts the update timer.
 */
export function templateValues(
  incident: WorkflowIncident,
  timeline: TimelineEntry[],
  now: number,
  options: TemplateValueOptions = {},
): Record<Placeholder, string> {
  const tz = options.timeZone ?? 'UTC';
  const level = options.level;
  const lifecycle = options.lifecycle ?? DEFAULT_LIFECYCLE;
  return {
    title: incident.title,
    severity: incident.severity,
    status: statusName(lifecycle, incident.status),
    impact: incident.impact,
    started: formatDateTime(incident.createdAt, tz),
    duration: formatDuration((incident.resolvedAt ?? now) - incident.createdAt),
    eta: incident.eta === null ? '' : formatDateTime(incident.eta, tz),
    // The Slack template writes "@{{commander}}"; a name typed as "@dana" must not become "@@dana".
    commander: incident.commander.replace(/^@+/, ''),
    next_update: level?.updateCadenceMinutes ? formatDateTime(now + level.updateCadenceMinutes * MINUTE, tz) : '',
    actions: recentActions(incident, timeline, lifecycle),
    service: incident.service,
    now: formatDateTime(now, tz),
    resolved: incident.resolvedAt === null ? '' : formatDateTime(incident.resolvedAt, tz),
    watch: level?.postFixWatchMinutes ? formatMinutes(level.postFixWatchMinutes) : '',
    // The latest cause someone noted; until then the person writes it.
    cause: causeNotes(timeline).at(-1) ?? '',
  };
}
