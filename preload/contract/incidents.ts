import { z } from 'zod';
import { SeverityLevel } from './severity-scheme';

// Limits are part of the contract so that every side refuses the same oversized input.
export const LIMITS = {
  title: 200,
  shortText: 200,
  longText: 20_000,
} as const;

const trimmed = (max: number, field: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${field} is longer than ${max} characters` });

export const SeverityKey = z
  .string()
  .trim()
  .min(1, { message: 'severity is required' })
  .max(16, { message: 'severity key is longer than 16 characters' });

export const StatusKey = z
  .string()
  .trim()
  .min(1, { message: 'status is required' })
  .max(40, { message: 'status is longer than 40 characters' });

export const IncidentId = z.number().int().positive();

// Times are ms since the epoch. severity and status hold keys of the team's scheme and lifecycle.
export const Incident = z.object({
  id: IncidentId,
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  impact: z.string(),
  commander: z.string(),
  service: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  statusChangedAt: z.number(),
  acknowledgedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  eta: z.number().nullable(),
  // When the last communication update went out; it restarts the update timer.
  lastUpdateAt: z.number().nullable(),
  roles: z.record(z.string(), z.string()),
  // The level as it stood when the incident was declared or last re-rated: choosing another scheme
  // later leaves it (and so the incident's timers and reports) as it was. Null only for an incident
  // from before levels were kept whose severity no scheme in force since then knew.
  level: SeverityLevel.nullable(),
});
export type Incident = z.infer<typeof Incident>;

export const TimelineEntry = z.object({
  id: z.number().int(),
  incidentId: IncidentId,
  at: z.number(),
  kind: z.string(),
  actor: z.string(),
  text: z.string(),
  data: z.unknown().optional(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const StatusFilter = z.union([z.literal('open'), z.literal('all'), StatusKey]);

export const ListIncidentsParams = z
  .object({
    status: StatusFilter.default('all'),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const DeclareIncidentParams = z
  .object({
    title: trimmed(LIMITS.title, 'title').min(1, { message: 'title is required' }),
    severity: SeverityKey,
    impact: trimmed(LIMITS.longText, 'impact').default(''),
    commander: trimmed(LIMITS.shortText, 'commander').default(''),
    service: trimmed(LIMITS.shortText, 'service').default(''),
  })
  .strict();
export type DeclareIncidentParams = z.input<typeof DeclareIncidentParams>;

export const SetStatusParams = z
  .object({
    id: IncidentId,
    status: StatusKey,
    note: trimmed(LIMITS.longText, 'note').optional(),
  })
  .strict();

export const AddNoteParams = z
  .object({
    id: IncidentId,
    text: trimmed(LIMITS.longText, 'note').min(1, { message: 'note is empty' }),
  })
  .strict();

export const IncidentSummary = Incident.extend({
  checklist: z.object({ done: z.number(), total: z.number() }),
  timers: z.array(z.object({ kind: z.string(), label: z.string(), dueAt: z.number(), overdue: z.boolean() })),
  // The dedupe keys of the alerts an intake opened or updated the incident with, so scripts can find it.
  dedupeKeys: z.array(z.string()).optional(),
});
export type IncidentSummary = z.infer<typeof IncidentSummary>;
