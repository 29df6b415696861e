import { z } from 'zod';
import { IncidentId, LIMITS } from './incidents';

const minutes = z.number().int().min(0).max(43_200).nullable();

export const SeverityLevel = z.object({
  key: z.string(),
  name: z.string(),
  definition: z.string(),
  examples: z.array(z.string()),
  responseMinutes: minutes,
  updateCadenceMinutes: minutes,
  escalateAfterMinutes: minutes,
  escalateTo: z.array(z.string()),
  postFixWatchMinutes: minutes,
});
export type SeverityLevel = z.infer<typeof SeverityLevel>;

export const SeverityScheme = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  levels: z.array(SeverityLevel),
});
export type SeverityScheme = z.infer<typeof SeverityScheme>;

export const StatusDef = z.object({ key: z.string(), name: z.string(), open: z.boolean(), watch: z.boolean(), next: z.array(z.string()) });

export const Timer = z.object({
  kind: z.enum(['ack', 'escalation', 'update', 'postfix-watch']),
  label: z.string(),
  dueAt: z.number(),
  overdue: z.boolean(),
  snoozed: z.boolean(),
});
export type Timer = z.infer<typeof Timer>;

export const ChecklistItem = z.object({
  id: z.number().int(),
  text: z.string(),
  doneAt: z.number().nullable(),
  doneBy: z.string().nullable(),
});
export const Checklist = z.object({
  id: z.number().int(),
  title: z.string(),
  phase: z.string(),
  items: z.array(ChecklistItem),
});
export type Checklist = z.infer<typeof Checklist>;

export const Contact = z.object({
  role: z.string(),
  name: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  note: z.string().optional(),
});
export type Contact = z.infer<typeof Contact>;

export const ContactLink = z.object({ label: z.string(), href: z.string() });
export const EscalationTarget = z.object({ role: z.string(), contacts: z.array(z.object({ name: z.string(), links: z.array(ContactLink) })) });

export const CommTemplate = z.object({ id: z.string(), name: z.string(), audience: z.string(), source: z.string(), body: z.string() });
export const TemplateSegment = z.object({ text: z.string(), placeholder: z.string().optional(), filled: z.boolean() });
export const RenderedTemplate = z.object({ text: z.string(), segments: z.array(TemplateSegment), unfilled: z.array(z.string()) });

export const UpdateChannel = z.object({ id: z.number().int(), name: z.string(), kind: z.enum(['slack', 'json']) });
export type UpdateChannel = z.infer<typeof UpdateChannel>;

export const SeverityMetrics = z.object({
  severity: z.string(),
  count: z.number(),
  acknowledged: z.number(),
  resolved: z.number(),
  mttaMs: z.number().nullable(),
  mttrMs: z.number().nullable(),
});
export const MetricsReport = z.object({ from: z.number(), to: z.number(), bySeverity: z.array(SeverityMetrics), overall: SeverityMetrics });

export const SearchHit = z.object({
  incidentId: z.number().int(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  createdAt: z.number(),
  snippet: z.string(),
  entryId: z.number().int().nullable(),
});

const text = (max: number, field: string) => z.string().trim().max(max, { message: `${field} is longer than ${max} characters` });

export const ChangeIncidentParams = z
  .object({
    id: IncidentId,
    status: z.string().trim().min(1).max(40).optional(),
    severity: z.string().trim().min(1).max(16).optional(),
    commander: text(LIMITS.shortText, 'commander').optional(),
    eta: z.number().int().nullable().optional(),
    impact: text(LIMITS.longText, 'impact').optional(),
    service: text(LIMITS.shortText, 'service').optional(),
    title: text(LIMITS.title, 'title').min(1, { message: 'title is required' }).optional(),
    acknowledge: z.boolean().optional(),
    note: text(LIMITS.longText, 'note').optional(),
    roles: z.record(z.string().max(60), z.string().max(LIMITS.shortText)).optional(),
  })
  .strict();

export const SearchParams = z
  .object({
    query: z.string().trim().max(200).default(''),
    severity: z.string().max(16).optional(),
    status: z.string().max(40).optional(),
    service: z.string().max(LIMITS.shortText).optional(),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const PostUpdateParams = z
  .object({
    incidentId: IncidentId,
    channelId: z.number().int().nullable(),
    text: z.string().min(1, { message: 'the update is empty' }).max(LIMITS.longText),
    templateId: z.string().max(100).optional(),
  })
  .strict();

export const PostUpdateResult = z.union([
  z.object({ ok: z.literal(true), status: z.number(), text: z.string() }),
  z.object({ ok: z.literal(false), error: z.string(), text: z.string() }),
]);
