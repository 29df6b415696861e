import { z } from 'zod';
import { Incident, IncidentId } from './incidents';

export const AlertState = z.enum(['firing', 'silenced', 'inhibited', 'resolved']);
export type AlertState = z.infer<typeof AlertState>;

// One alert as Trayage shows it, whatever the source, with the incidents it is linked to.
export const SourceAlert = z.object({
  source: z.string(),
  key: z.string(),
  name: z.string(),
  state: AlertState,
  severity: z.string().nullable(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  startsAt: z.string(),
  silencedBy: z.array(z.string()),
  url: z.string().optional(),
  incidentIds: z.array(z.number().int()),
});
export type SourceAlert = z.infer<typeof SourceAlert>;

// Every kind of alert source. The engine has one module per kind and does not type-check until each
// name here has one; the Settings form asks for the fields of each.
export const SourceKindName = z.enum(['alertmanager', 'github-actions']);
export type SourceKindName = z.infer<typeof SourceKindName>;

export const SourceHealth = z.object({
  name: z.string(),
  kind: SourceKindName,
  ok: z.boolean(),
  error: z.string().nullable(),
  since: z.number(),
  lastPollAt: z.number().nullable(),
  canSilence: z.boolean(),
  origin: z.enum(['file', 'app']),
  target: z.string(),
});

export const SourceInput = z
  .object({
    name: z.string().trim().min(1, { message: 'name is required' }).max(80),
    kind: SourceKindName,
    url: z.string().trim().max(500).optional(),
    repo: z.string().trim().max(200).optional(),
    apiUrl: z.string().trim().max(500).optional(),
    severityLabel: z.string().trim().max(60).optional(),
    pollSeconds: z.number().int().min(5).max(3600).optional(),
    token: z.string().max(2000).optional(),
  })
  .strict();
export type SourceInput = z.infer<typeof SourceInput>;

const AlertRef = { source: z.string().max(200), key: z.string().max(200) };

export const alertMethods = {
  'alerts.list': {
    params: z.object({}).strict().default({}),
    result: z.object({ sources: z.array(SourceHealth), alerts: z.array(SourceAlert), configError: z.string().nullable() }),
  },
  // Acknowledge = a silence in Alertmanager with a real expiry.
  'alerts.ack': {
    params: z
      .object({
        ...AlertRef,
        minutes: z.number().int().min(1).max(30 * 1440),
        comment: z.string().trim().max(500).default('Acknowledged from Trayage'),
        incidentId: IncidentId.optional(),
      })
      .strict(),
    result: z.object({ silenceId: z.string(), endsAt: z.number() }),
  },
  'alerts.unsilence': {
    params: z.object({ source: z.string().max(200), silenceId: z.string().max(100), incidentId: IncidentId.optional() }).strict(),
    result: z.object({ expired: z.boolean() }),
  },
  'alerts.declare': { params: z.object(AlertRef).strict(), result: Incident },
  // Sources added in the app; the token is write-only and kept sealed.
  'sources.save': {
    params: SourceInput,
    result: z.object({ name: z.string() }),
  },
  'sources.delete': { params: z.object({ name: z.string().max(80) }).strict(), result: z.object({ deleted: z.boolean() }) },
  'alerts.refresh': { params: z.object({}).strict().default({}), result: z.object({ polled: z.number() }) },
} as const;

export const alertEvents = {
  'alerts.changed': z.object({ source: z.string() }),
} as const;
