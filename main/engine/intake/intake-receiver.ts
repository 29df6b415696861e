import { IntakeKind, type Incident } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import { decideAlert, type AlertOutcome } from './domain/alert-decision';
import { type ParsedPayload, parseAlertmanager, parseJsonAlert, type ReceivedAlert } from './domain/intake-payloads';
import { findLevel, rateSeverity } from './domain/severity-rating';
import { INTAKE_MAX_BYTES, type IntakeHeaders, type IntakeResponse } from './intake-port';
import type { IntakeStore, IntegrationRow } from './intake-store';
import { bearerToken, matchToken } from './intake-tokens';

const PARSERS: Record<IntakeKind, (body: unknown) => ParsedPayload> = { alertmanager: parseAlertmanager, json: parseJsonAlert };

interface AlertResult {
  dedupeKey: string;
  outcome: AlertOutcome;
  incidentId: number | null;
}

const answer = (status: number, body: Record<string, unknown>, headers?: Record<string, string>): IntakeResponse => ({ status, body, ...(headers ? { headers } : {}) });

/** One intake request: the bearer token, the size, the payload, then each alert it carries. */
export function receiveIntake(ctx: EngineContext, incidents: IncidentsPort, store: IntakeStore, kindName: string, headers: IntakeHeaders, body: Buffer): IntakeResponse {
  const kind = IntakeKind.safeParse(kindName);
  if (!kind.success) return answer(404, { error: `There is no intake '${kindName}': POST to /intake/alertmanager or /intake/json.` });
  const token = bearerToken(headers.authorization);
  const integration = token === null ? null : matchToken(token, store.integrationsOfKind(kind.data));
  if (integration === null) {
    // The same answer for a missing, wrong or other kind's token: nothing about which integrations exist.
    return answer(401, { error: 'Missing or invalid token: send Authorization: Bearer TOKEN with the token of one of this intake\'s integrations (trayage integrations add).' }, { 'WWW-Authenticate': 'Bearer' });
  }
  if (body.length > INTAKE_MAX_BYTES) {
    return answer(413, { error: `The request body is over ${INTAKE_MAX_BYTES / 1024} KiB; send fewer alerts per request (Alertmanager: max_alerts in the webhook receiver).` });
  }
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return answer(400, { error: `The request body is not valid JSON (${(err as Error).message}).`, issues: [{ path: '(body)', message: 'is not valid JSON' }] });
  }
  const parsed = PARSERS[kind.data](json);
  if (!parsed.ok) return answer(400, { error: parsed.message, issues: parsed.issues });
  if (kind.data === 'json') {
    const severity = parsed.alerts[0].severity ?? '';
    if (findLevel(severity, incidents.scheme()) === null) {
      const keys = incidents.scheme().levels.map((l) => l.key).join(', ');
      const message = `'${severity}' is not a level of the severity scheme in force; use one of ${keys} (or critical, high, warning, info)`;
      return answer(400, { error: `The payload has 1 problem(s): severity ${message}`, issues: [{ path: 'severity', message }] });
    }
  }
  const results = parsed.alerts.map((alert) => store.transaction(() => handleAlert(ctx, incidents, store, integration, alert)));
  store.used(integration.name, ctx.now());
  return answer(202, { accepted: results.length, alerts: results });
}

function handleAlert(ctx: EngineContext, incidents: IncidentsPort, store: IntakeStore, integration: IntegrationRow, alert: ReceivedAlert): AlertResult {
  const last = store.lastAlert(integration.name, alert.dedupeKey);
  const known = last ? { ...last, incidentOpen: isOpen(incidents.get(last.incidentId)) } : null;
  const outcome = decideAlert(known, alert.status);
  const now = ctx.now();
  const source = `${integration.name} (${integration.kind})`;
  // Stamped as the integration's work, so the timeline tells it from what people did.
  const actor = `intake ${integration.name}`;
  const data = { integration: integration.name, dedupeKey: alert.dedupeKey, status: alert.status };
  if (outcome === 'declared') {
    const rating = rateSeverity(alert.severity, incidents.scheme());
    const incident = incidents.declare({ title: alert.title, severity: rating.key, service: alert.service, impact: alert.impact }, actor);
    store.link(integration.name, alert.dedupeKey, incident.id, 'firing', now);
    const labels = Object.entries(alert.labels).map(([k, v]) => `${k}=${v}`).join(', ');
    const lines = [
      `Opened by intake ${source} from alert ${alert.name}, dedupe key ${alert.dedupeKey}${alert.startsAt ? `, firing since ${alert.startsAt}` : ''}.`,
      rating.note,
      labels ? `Labels: ${labels}` : '',
    ].filter(Boolean);
    incidents.record(incident.id, 'alert', lines.join('\n'), { ...data, severity: alert.severity ?? null, rated: rating.key }, actor);
    return { dedupeKey: alert.dedupeKey, outcome, incidentId: incident.id };
  }
  if (outcome === 'ignored' || known === null) return { dedupeKey: alert.dedupeKey, outcome, incidentId: known?.incidentId ?? null };
  if (outcome === 'resolved') {
    const when = alert.endsAt && !alert.endsAt.startsWith('0001-') ? ` at ${alert.endsAt}` : '';
    incidents.record(known.incidentId, 'alert', `Alert ${alert.name} resolved${when} (intake ${source}, dedupe key ${alert.dedupeKey}). The incident stays open until someone resolves it.`, data, actor);
  } else if (outcome === 'refired') {
    incidents.record(known.incidentId, 'alert', `Alert ${alert.name} is firing again (intake ${source}, dedupe key ${alert.dedupeKey}).`, data, actor);
  }
  if (outcome !== 'unchanged') store.link(integration.name, alert.dedupeKey, known.incidentId, alert.status, now);
  return { dedupeKey: alert.dedupeKey, outcome, incidentId: known.incidentId };
}

// Resolved by a person: the alert's incident is closed, and the same alert firing again opens a new one.
function isOpen(incident: Incident): boolean {
  return incident.resolvedAt === null;
}
