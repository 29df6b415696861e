import { z } from 'zod';
import { joinUrl } from '../http/join-url';
import { ApiFailure, answerStart, callApi, type HttpAnswer, type HttpExchange } from '../http/http-exchange';

const STATUSPAGE_API = 'an Atlassian Statuspage API';

export const StatuspageStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved']);
export type StatuspageStatus = z.infer<typeof StatuspageStatus>;
export const StatuspageImpact = z.enum(['none', 'minor', 'major', 'critical']);
export type StatuspageImpact = z.infer<typeof StatuspageImpact>;
/** What the incident does to the listed components while it is open; they go back to operational on resolve. */
export const ComponentStatus = z.enum(['degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']);
export type ComponentStatus = z.infer<typeof ComponentStatus>;

export interface StatuspageTarget {
  /** https://api.statuspage.io/v1 (its path is kept). */
  apiUrl: string;
  pageId: string;
  apiKey: string;
  userAgent: string;
}

export interface IncidentChange {
  status: StatuspageStatus;
  body: string;
  componentIds: string[];
  componentStatus?: ComponentStatus;
}

export interface NewStatuspageIncident extends IncidentChange {
  name: string;
  impactOverride?: StatuspageImpact;
}

// The fields of Statuspage's incident reply that are read.
export const IncidentReply = z.object({ id: z.string().min(1), shortlink: z.string().nullish(), status: z.string() });
export type IncidentReply = z.infer<typeof IncidentReply>;
// An incident as "get an incident" shows it: its updates (status and text each) are what a retry compares.
export const IncidentWithUpdates = IncidentReply.extend({
  incident_updates: z.array(z.object({ status: z.string(), body: z.string().nullish(), created_at: z.string() })).default([]),
});
export type IncidentWithUpdates = z.infer<typeof IncidentWithUpdates>;
const ListedIncidents = z.array(IncidentReply.extend({ name: z.string(), created_at: z.string() }));

const ErrorBody = z.object({ error: z.union([z.string(), z.array(z.string())]).optional(), message: z.string().optional() });

const KEYWORDS: [RegExp, StatuspageStatus][] = [
  [/resolv|clos|done/, 'resolved'],
  [/monitor|watch|verif|recover/, 'monitoring'],
  [/identif|mitigat|fix|cause/, 'identified'],
];

/**
 * A Trayage status key as a Statuspage status. The default lifecycle's keys are Statuspage's own;
 * `statusMap` names the others; a key it leaves out is read by its words (…monitor…, …identif…),
 * and anything else is "investigating". A resolve, or a resolved incident, is "resolved".
 */
export function statuspageStatus(statusKey: string, resolved: boolean, statusMap: Record<string, StatuspageStatus> = {}): StatuspageStatus {
  if (resolved) return 'resolved';
  const mapped = statusMap[statusKey];
  if (mapped) return mapped;
  const own = StatuspageStatus.safeParse(statusKey);
  if (own.success) return own.data;
  return KEYWORDS.find(([words]) => words.test(statusKey.toLowerCase()))?.[1] ?? 'investigating';
}

function headers(target: StatuspageTarget): Record<string, string> {
  return { Accept: 'application/json', Authorization: `OAuth ${target.apiKey}`, 'User-Agent': target.userAgent };
}

function pageUrl(target: StatuspageTarget, path: string): string {
  return joinUrl(target.apiUrl, `/pages/${encodeURIComponent(target.pageId)}${path}`).href;
}

function componentFields(change: IncidentChange): Record<string, unknown> {
  if (change.componentIds.length === 0) return {};
  if (!change.componentStatus) return { component_ids: change.componentIds };
  const status = change.status === 'resolved' ? 'operational' : change.componentStatus;
  return { component_ids: change.componentIds, components: Object.fromEntries(change.componentIds.map((id) => [id, status])) };
}

export function createIncidentRequest(target: StatuspageTarget, incident: NewStatuspageIncident): HttpExchange {
  const body = {
    incident: {
      name: incident.name,
      status: incident.status,
      body: incident.body,
      ...(incident.impactOverride ? { impact_override: incident.impactOverride } : {}),
      ...componentFields(incident),
    },
  };
  return { method: 'POST', url: pageUrl(target, '/incidents'), headers: headers(target), body };
}

export function updateIncidentRequest(target: StatuspageTarget, incidentId: string, change: IncidentChange): HttpExchange {
  const body = { incident: { status: change.status, body: change.body, ...componentFields(change) } };
  return { method: 'PATCH', url: pageUrl(target, `/incidents/${encodeURIComponent(incidentId)}`), headers: headers(target), body };
}

export function getIncidentRequest(target: StatuspageTarget, incidentId: string): HttpExchange {
  return { method: 'GET', url: pageUrl(target, `/incidents/${encodeURIComponent(incidentId)}`), headers: headers(target) };
}

/** Incidents whose name, status or updates hold `text` (Statuspage's `q` search), newest first. */
export function searchIncidentsRequest(target: StatuspageTarget, text: string): HttpExchange {
  const url = new URL(pageUrl(target, '/incidents'));
  url.searchParams.set('q', text);
  url.searchParams.set('limit', '100');
  return { method: 'GET', url: url.href, headers: headers(target) };
}

/** What Statuspage's error status means here, and what to do about it. */
export function statuspageFailure(answer: HttpAnswer, context: { action: string; pageId: string; incidentId?: string; settings?: string }): ApiFailure {
  const settings = context.settings ?? 'Settings → Channels';
  const parsed = ErrorBody.safeParse(answer.json);
  const error = parsed.success ? [parsed.data.error ?? [], parsed.data.message ?? []].flat().join('; ') : '';
  const says = error ? ` (Statuspage says: "${error}")` : '';
  const head = `Could not ${context.action}`;
  const { status } = answer;
  switch (status) {
    case 401:
      return new ApiFailure(`${head}: Statuspage refused the API key${says}. Re-enter it in ${settings} (API keys are under your Statuspage profile → API info).`, false);
    case 403:
      return new ApiFailure(`${head}: the API key may not change incidents on page ${context.pageId}${says}. Use a key of a user who manages incidents on this page.`, false);
    case 404:
      return context.incidentId === undefined
        ? new ApiFailure(`${head}: page ${context.pageId} was not found${says}. Check the page ID in ${settings} (it is in the page's API info).`, false)
        : new ApiFailure(`${head}: incident ${context.incidentId} on page ${context.pageId} was not found (deleted on the status page?)${says}.`, false);
    case 400:
    case 422:
      return new ApiFailure(`${head}: Statuspage refused it as invalid${says || `: ${answerStart(answer)}`}. Check the channel's page ID, component IDs and impact in ${settings}.`, false);
    case 420:
    case 429: {
      const after = Number(answer.headers.get('retry-after'));
      return new ApiFailure(`${head}: Statuspage's rate limit was hit${after > 0 ? ` (retry after ${after} s)` : ''}; it is sent again later.`, true);
    }
  }
  if (status >= 300 && status < 400) return new ApiFailure(`${head}: the API answered with a redirect (HTTP ${status}); check the API URL in ${settings}.`, false);
  if (status >= 500) return new ApiFailure(`${head}: Statuspage answered HTTP ${status}${says}; it is sent again later.`, true);
  return new ApiFailure(`${head}: Statuspage answered HTTP ${status}: ${error || answerStart(answer)}.`, false);
}

/** Incidents on one status page, every failure an ApiFailure for people. */
export class StatuspageClient {
  constructor(
    private readonly target: StatuspageTarget,
    private readonly io: { timeoutMs: number; settings?: string },
  ) {}

  createIncident(incident: NewStatuspageIncident): Promise<IncidentReply> {
    return this.call(createIncidentRequest(this.target, incident), `open an incident on status page ${this.target.pageId}`);
  }

  updateIncident(incidentId: string, change: IncidentChange): Promise<IncidentReply> {
    return this.call(updateIncidentRequest(this.target, incidentId, change), `update incident ${incidentId} on status page ${this.target.pageId}`, incidentId);
  }

  getIncident(incidentId: string): Promise<IncidentWithUpdates> {
    // Part of updating it, and said so in messages.
    return this.call(getIncidentRequest(this.target, incidentId), `update incident ${incidentId} on status page ${this.target.pageId}`, incidentId, IncidentWithUpdates);
  }

  /** The incident named `name` opened on the page since `since`, if any. */
  async findIncident(name: string, since: number): Promise<IncidentReply | null> {
    const listed = await this.call(searchIncidentsRequest(this.target, name), `open an incident on status page ${this.target.pageId}`, undefined, ListedIncidents);
    const found = listed.find((i) => i.name.trim() === name.trim() && Date.parse(i.created_at) >= since);
    return found ? { id: found.id, shortlink: found.shortlink, status: found.status } : null;
  }

  private call<S extends z.ZodType = typeof IncidentReply>(request: HttpExchange, action: string, incidentId?: string, reply?: S): Promise<z.output<S>> {
    const { pageId } = this.target;
    return callApi(request, {
      action,
      api: STATUSPAGE_API,
      reply: (reply ?? IncidentReply) as S,
      timeoutMs: this.io.timeoutMs,
      failure: (answer) => statuspageFailure(answer, { action, pageId, incidentId, settings: this.io.settings }),
    });
  }
}
