import crypto from 'node:crypto';
import { z } from 'zod';
import { LIMITS } from '../../../../preload/contract';
import type { AlertStatus } from './alert-decision';

const Status = z.enum(['firing', 'resolved'], { message: "must be 'firing' or 'resolved'" });
const text = (max: number) =>
  z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') }).max(max, { message: `must be at most ${max} characters` });
const required = (max: number) => text(max).trim().min(1, { message: 'is required' });
const StringMap = z.record(z.string(), z.string({ message: 'must be a string' }), { message: 'must be an object of strings' });

// Alertmanager's webhook receiver payload (version 4), as Alertmanager documents and sends it. Fields
// Trayage does not use (receiver, groupLabels, externalURL...) are accepted and ignored.
const AlertmanagerAlert = z.object({
  status: Status,
  labels: StringMap,
  annotations: StringMap.default({}),
  startsAt: text(64).default(''),
  endsAt: text(64).default(''),
  generatorURL: text(2000).optional(),
  fingerprint: text(200).optional(),
});

export const AlertmanagerPayload = z.object({
  version: z.literal('4', { message: "must be '4' (Alertmanager's webhook payload version)" }),
  groupKey: text(10_000),
  status: Status,
  alerts: z.array(AlertmanagerAlert, { message: 'must be a list of alerts' }).min(1, { message: 'must hold at least one alert' }).max(1000, { message: 'must hold at most 1000 alerts' }),
});

// Trayage's own shape, for scripts and other tools: one alert per request.
export const JsonPayload = z
  .object({
    title: required(LIMITS.title),
    severity: required(40),
    service: text(LIMITS.shortText).trim().optional(),
    impact: text(LIMITS.longText).trim().optional(),
    dedupeKey: required(200),
    status: Status.default('firing'),
  })
  .strict();

/** One alert as an intake handles it, whatever shape it came in. */
export interface ReceivedAlert {
  dedupeKey: string;
  status: AlertStatus;
  /** The alert's name (Alertmanager's alertname), carried in the incident's title. */
  name: string;
  title: string;
  /** The severity as sent; rated on the scheme in force when an incident is opened. */
  severity: string | undefined;
  service: string;
  impact: string;
  startsAt: string;
  endsAt: string;
  labels: Record<string, string>;
}

export interface FieldIssue {
  path: string;
  message: string;
}

export type ParsedPayload = { ok: true; alerts: ReceivedAlert[] } | { ok: false; message: string; issues: FieldIssue[] };

function refused(error: z.ZodError): ParsedPayload {
  const issues = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message,
  }));
  const sentences = issues.map((i) => (i.path === '(body)' ? i.message : `${i.path} ${i.message}`));
  return { ok: false, message: `The payload has ${error.issues.length} problem(s): ${sentences.join('; ')}`, issues };
}

/** A stable key for an alert without a fingerprint: its label set, in key order. */
export function labelsKey(labels: Record<string, string>): string {
  const canonical = JSON.stringify(Object.keys(labels).sort().map((k) => [k, labels[k]]));
  return `labels:${crypto.createHash('sha256').update(canonical).digest('hex').slice(0, 16)}`;
}

export function parseAlertmanager(body: unknown): ParsedPayload {
  const parsed = AlertmanagerPayload.safeParse(body);
  if (!parsed.success) return refused(parsed.error);
  return {
    ok: true,
    alerts: parsed.data.alerts.map((a) => {
      const name = a.labels.alertname?.trim() || 'Alertmanager alert';
      const summary = a.annotations.summary?.trim();
      const where = a.labels.instance ? ` on ${a.labels.instance}` : '';
      return {
        dedupeKey: a.fingerprint?.trim() || labelsKey(a.labels),
        status: a.status,
        name,
        title: (summary ? `${name}: ${summary}` : `${name}${where}`).slice(0, LIMITS.title),
        severity: a.labels.severity,
        service: (a.labels.service ?? a.labels.job ?? '').slice(0, LIMITS.shortText),
        impact: (a.annotations.description ?? a.annotations.summary ?? '').slice(0, LIMITS.longText),
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        labels: a.labels,
      };
    }),
  };
}

export function parseJsonAlert(body: unknown): ParsedPayload {
  const parsed = JsonPayload.safeParse(body);
  if (!parsed.success) return refused(parsed.error);
  const p = parsed.data;
  return {
    ok: true,
    alerts: [
      {
        dedupeKey: p.dedupeKey,
        status: p.status,
        name: p.title,
        title: p.title,
        severity: p.severity,
        service: p.service ?? '',
        impact: p.impact ?? '',
        startsAt: '',
        endsAt: '',
        labels: {},
      },
    ],
  };
}
