import { z } from 'zod';

// Ordered from best to worst so the aggregate is a max over this list.
export const TRAY_LEVELS = ['ok', 'unknown', 'degraded', 'down'] as const;
export const TrayLevel = z.enum(TRAY_LEVELS);
export type TrayLevel = z.infer<typeof TrayLevel>;

// An empty id is the list of that kind: where a summary of many notices leads. `notices` is the
// Notices window (its id is always empty): where a summary of notices with nothing in common leads.
export const TrayTarget = z.object({ kind: z.enum(['incident', 'monitor', 'source', 'alert', 'notices']), id: z.string() });
export type TrayTarget = z.infer<typeof TrayTarget>;

export const TrayIncident = z.object({
  id: z.number().int(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  createdAt: z.number(),
  nextTimer: z.object({ kind: z.string(), label: z.string(), dueAt: z.number(), overdue: z.boolean() }).nullable().optional(),
  // The next step of the incident's escalation chain: who it reaches ("L2 (Lee Park)") and when.
  nextEscalation: z.object({ label: z.string(), dueAt: z.number() }).nullable().optional(),
});

// Something wrong outside an incident: a monitor down, a source unreachable, an alert firing.
export const TrayProblem = z.object({
  key: z.string(),
  label: z.string(),
  level: TrayLevel,
  since: z.number(),
  target: TrayTarget,
});
export type TrayProblem = z.infer<typeof TrayProblem>;

export const TrayState = z.object({
  level: TrayLevel,
  summary: z.string(),
  openIncidents: z.array(TrayIncident),
  problems: z.array(TrayProblem).default([]),
  snoozedUntil: z.number().nullable().default(null),
  // Who is on call now, when a rotation or calendar is set.
  onCall: z.object({ person: z.string(), until: z.number().nullable() }).nullable().optional(),
});
export type TrayState = z.infer<typeof TrayState>;
