import { z } from 'zod';
import { IncidentId, LIMITS } from './incidents';
import { SeverityScheme } from './severity-scheme';

export const TimerKind = z.enum(['ack', 'escalation', 'update', 'postfix-watch']);
export type TimerKind = z.infer<typeof TimerKind>;

export const Timer = z.object({
  kind: TimerKind,
  label: z.string(),
  // When it next needs attention: the snooze end when snoozed, otherwise when it falls due.
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
// When a list is worked: 'response' the first minutes, 'during' the whole incident (both attached
// on declaration), 'post-incident' once resolved (attached then), 'handoff' at the end of an
// on-call shift (attached only on request).
export const ChecklistPhase = z.enum(['response', 'during', 'post-incident', 'handoff']);
export type ChecklistPhase = z.infer<typeof ChecklistPhase>;
// 'runbook': imported from the team's runbook pack for the service; it replaces the built-in list of its phase.
export const ChecklistSource = z.enum(['built-in', 'runbook']);
export type ChecklistSource = z.infer<typeof ChecklistSource>;

export const Checklist = z.object({
  id: z.number().int(),
  title: z.string(),
  phase: ChecklistPhase,
  source: ChecklistSource,
  items: z.array(ChecklistItem),
});
export type Checklist = z.infer<typeof Checklist>;

// A list the incident does not have yet, as it would be attached.
export const ChecklistOffer = z.object({ phase: ChecklistPhase, title: z.string(), source: ChecklistSource, items: z.array(z.string()) });
export type ChecklistOffer = z.infer<typeof ChecklistOffer>;

export const CommAudience = z.enum(['internal', 'external', 'status-page', 'slack']);
export type CommAudience = z.infer<typeof CommAudience>;
export const CommTemplate = z.object({ id: z.string(), name: z.string(), audience: CommAudience, source: z.string(), body: z.string() });
export type CommTemplate = z.infer<typeof CommTemplate>;
// A post-mortem template a runbook pack brings for incidents of its service; offered beside the built-in draft.
export const PostmortemTemplate = z.object({ id: z.string(), kind: z.literal('postmortem'), name: z.string(), source: z.string(), body: z.string() });
export type PostmortemTemplate = z.infer<typeof PostmortemTemplate>;

export const TemplateSegment = z.object({
  text: z.string(),
  // Set for text that came from a placeholder.
  placeholder: z.string().optional(),
  // False for a placeholder with no value; its text is then the placeholder itself, e.g. "{{eta}}".
  filled: z.boolean(),
});
export type TemplateSegment = z.infer<typeof TemplateSegment>;
export const RenderedTemplate = z.object({
  text: z.string(),
  segments: z.array(TemplateSegment),
  // Placeholders still without a value, each once, in order of appearance.
  unfilled: z.array(z.string()),
  // Blanks the text itself leaves for a person ("[Brief description]", "<service>", "HH:MM"), each
  // once, as written; with `unfilled`, what to confirm before sending anyway.
  blanks: z.array(z.string()),
});
export type RenderedTemplate = z.infer<typeof RenderedTemplate>;

// What choosing a scheme would do: open incidents keep the level they were rated with.
export const SchemeChangePreview = z.object({
  scheme: SeverityScheme,
  openIncidents: z.number().int(),
  // Open incidents whose kept level is not what the new scheme says for their severity key.
  openWithOtherLevel: z.number().int(),
  message: z.string(),
});
export type SchemeChangePreview = z.infer<typeof SchemeChangePreview>;

export const SeverityMetrics = z.object({
  severity: z.string(),
  // Incidents declared in the period.
  count: z.number(),
  acknowledged: z.number(),
  resolved: z.number(),
  // Mean times from declaration to acknowledgement and to resolution; null when none got there.
  mttaMs: z.number().nullable(),
  mttrMs: z.number().nullable(),
});
export type SeverityMetrics = z.infer<typeof SeverityMetrics>;
export const MetricsReport = z.object({ from: z.number(), to: z.number(), bySeverity: z.array(SeverityMetrics), overall: SeverityMetrics });
export type MetricsReport = z.infer<typeof MetricsReport>;

export const SearchHit = z.object({
  incidentId: z.number().int(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  createdAt: z.number(),
  snippet: z.string(),
  entryId: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

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
export type SearchFilters = z.output<typeof SearchParams>;

const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
// 2026-02-30 has the right shape but no day: the format is checked once, the date only when it fits.
const isCalendarDate = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
const DueDate = z
  .string()
  .regex(DAY_FORMAT, { message: 'due must be a date written YYYY-MM-DD' })
  .refine((d) => !DAY_FORMAT.test(d) || isCalendarDate(d), { message: 'due is not a calendar date' });

// A post-mortem action item, tracked until done; the post-mortem's "Action Items" section lists them.
export const PostmortemAction = z.object({
  id: z.number().int(),
  incidentId: IncidentId,
  text: z.string(),
  owner: z.string(),
  // YYYY-MM-DD, or null when no date is set yet.
  due: z.string().nullable(),
  doneAt: z.number().nullable(),
  doneBy: z.string().nullable(),
  createdAt: z.number(),
});
export type PostmortemAction = z.infer<typeof PostmortemAction>;

export const AddPostmortemActionParams = z
  .object({
    incidentId: IncidentId,
    text: text(500, 'action').min(1, { message: 'the action item is empty' }),
    owner: text(LIMITS.shortText, 'owner').default(''),
    due: DueDate.nullable().default(null),
  })
  .strict();

// Absent fields stay as they are; `due: null` clears the date.
export const UpdatePostmortemActionParams = z
  .object({
    id: z.number().int(),
    text: text(500, 'action').min(1, { message: 'the action item is empty' }).optional(),
    owner: text(LIMITS.shortText, 'owner').optional(),
    due: DueDate.nullable().optional(),
    done: z.boolean().optional(),
  })
  .strict();
