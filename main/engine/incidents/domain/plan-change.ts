import type { SeverityScheme, StatusLifecycle } from '../../../../preload/contract';
import { formatDateTime, formatDuration } from './format-time';
import type { IncidentUpdates, NewTimelineEntry, WorkflowIncident } from './incident-types';
import { DEFAULT_LIFECYCLE, canTransition, findStatus, statusName } from './lifecycle';
import { findLevel, sameLevel } from './severity-schemes';

/** What a person asked to change; absent fields stay as they are. */
export interface IncidentChange {
  status?: string;
  severity?: string;
  commander?: string;
  /** ms epoch, or null to clear the ETA. */
  eta?: number | null;
  impact?: string;
  service?: string;
  title?: string;
  acknowledge?: boolean;
  /** Free text kept beside the change, e.g. why the status moved. */
  note?: string;
}

export interface ChangeOptions {
  lifecycle?: StatusLifecycle;
  /** When given, severities are checked against it. */
  scheme?: SeverityScheme;
  /** Zone for times written into timeline text; default UTC. */
  timeZone?: string;
}

export type ChangePlan =
  | { ok: true; updates: IncidentUpdates; entries: NewTimelineEntry[] }
  | { ok: false; error: string };

/**
 * Turns a requested change into the field updates and the timeline entries the store writes in one
 * transaction. Pure: the same incident, change and clock always give the same plan. Fields that
 * already hold the requested value produce nothing, so an empty plan means "no change".
 */
export function planChange(
  incident: WorkflowIncident,
  change: IncidentChange,
  actor: string,
  now: number,
  options: ChangeOptions = {},
): ChangePlan {
  const lifecycle = options.lifecycle ?? DEFAULT_LIFECYCLE;
  const tz = options.timeZone ?? 'UTC';
  const updates: IncidentUpdates = {};
  const entries: NewTimelineEntry[] = [];
  const add = (kind: string, text: string, data?: unknown) =>
    entries.push(data === undefined ? { at: now, kind, actor, text } : { at: now, kind, actor, text, data });
  const since = formatDuration(now - incident.createdAt);

  const acknowledge = (how: string) => {
    if (incident.acknowledgedAt !== null || updates.acknowledgedAt !== undefined) return;
    updates.acknowledgedAt = now;
    add('ack', `Acknowledged${how} ${since} after declaration`);
  };

  if (change.acknowledge) acknowledge('');

  if (change.severity !== undefined) {
    const wanted = change.severity.trim();
    const level = options.scheme ? findLevel(options.scheme, wanted) : undefined;
    if (options.scheme && !level) {
      const known = options.scheme.levels.map((l) => l.key).join(', ');
      return { ok: false, error: `Incident #${incident.id}: severity '${wanted}' is not in the scheme; use one of ${known}.` };
    }
    const key = level?.key ?? wanted;
    if (!key) return { ok: false, error: `Incident #${incident.id}: severity must not be empty.` };
    // A re-rate takes the level of the scheme in force now; without a scheme it is unknown.
    if (key !== incident.severity) {
      updates.severity = key;
      updates.level = level ?? null;
      add('severity', `Severity changed from ${incident.severity} to ${key}`, { from: incident.severity, to: key, level: level ?? null });
    } else if (level && !sameLevel(incident.level, level)) {
      // The same key asked for again, under a scheme that rates it otherwise: the way to bring an
      // open incident to the scheme chosen since it was declared.
      updates.level = level;
      add('severity', `Severity ${key} re-rated under the current scheme: ${level.name}`, { from: key, to: key, level });
    }
  }

  if (change.status !== undefined) {
    const target = findStatus(lifecycle, change.status);
    if (!target) {
      const known = lifecycle.statuses.map((s) => s.name).join(', ');
      return { ok: false, error: `Incident #${incident.id}: '${change.status}' is not a status; use one of ${known}.` };
    }
    if (target.key !== incident.status) {
      const fromName = statusName(lifecycle, incident.status);
      if (!canTransition(lifecycle, incident.status, target.key)) {
        const allowed = findStatus(lifecycle, incident.status)?.next.map((k) => statusName(lifecycle, k)) ?? [];
        return {
          ok: false,
          error: `Incident #${incident.id} cannot go from ${fromName} to ${target.name}; from ${fromName} it can go to ${allowed.join(', ') || 'nothing'}.`,
        };
      }
      const wasOpen = findStatus(lifecycle, incident.status)?.open ?? true;
      updates.status = target.key;
      updates.statusChangedAt = now;
      const data = { from: incident.status, to: target.key };
      if (wasOpen && !target.open) {
        updates.resolvedAt = now;
        add('status', `${target.name} after ${since} (was ${fromName})`, data);
      } else if (!wasOpen && target.open) {
        updates.resolvedAt = null;
        add('status', `Re-opened: ${fromName} → ${target.name}`, data);
      } else {
        add('status', `Status changed from ${fromName} to ${target.name}`, data);
      }
      // Working the incident is a response: the acknowledgement timer must not nag whoever is on it.
      acknowledge(` by moving it to ${target.name}`);
    }
  }

  if (change.commander !== undefined && change.commander.trim() !== incident.commander) {
    const to = change.commander.trim();
    updates.commander = to;
    const text = !to
      ? `Incident commander ${incident.commander} stood down; nobody is commander`
      : incident.commander
        ? `${to} took over as incident commander from ${incident.commander}`
        : `${to} is incident commander`;
    add('commander', text, { from: incident.commander, to });
  }

  if (change.eta !== undefined && change.eta !== incident.eta) {
    if (change.eta !== null && !(Number.isFinite(change.eta) && change.eta > 0)) {
      return { ok: false, error: `Incident #${incident.id}: the ETA must be a date and time, or empty to clear it.` };
    }
    updates.eta = change.eta;
    const text =
      change.eta === null
        ? 'ETA cleared'
        : incident.eta === null
          ? `ETA set to ${formatDateTime(change.eta, tz)}`
          : `ETA moved from ${formatDateTime(incident.eta, tz)} to ${formatDateTime(change.eta, tz)}`;
    add('eta', text, { from: incident.eta, to: change.eta });
  }

  for (const field of ['impact', 'service', 'title'] as const) {
    const value = change[field];
    if (value === undefined || value.trim() === incident[field]) continue;
    const to = value.trim();
    if (field === 'title' && !to) return { ok: false, error: `Incident #${incident.id}: the title must not be empty.` };
    updates[field] = to;
    const label = { impact: 'Impact', service: 'Affected service', title: 'Title' }[field];
    add(field, to ? `${label}: ${to}` : `${label} cleared`, { from: incident[field], to });
  }

  if (change.note !== undefined && change.note.trim()) add('note', change.note.trim());

  return { ok: true, updates, entries };
}
