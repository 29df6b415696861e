import { z } from 'zod';
import { Incident, TimelineEntry } from './incidents';
import { EscalationTarget } from './contacts';
import { SeverityLevel, SeverityScheme } from './severity-scheme';
import { StatusDef } from './status-lifecycle';
import { Checklist, ChecklistPhase, Timer } from './workflow';

// Everything the incident window shows, in one reply.
export const IncidentDetail = z.object({
  incident: Incident,
  // The latest entries only; `timelineTotal` says how many there are (older pages via incidents.timeline).
  timeline: z.array(TimelineEntry),
  timelineTotal: z.number().int(),
  checklists: z.array(Checklist),
  // The phase to open first: 'response' while its items are not all done, then 'during';
  // 'post-incident' once resolved. Null when the incident has no lists.
  checklistPhase: ChecklistPhase.nullable(),
  timers: z.array(Timer),
  // The incident's own level (as declared or re-rated), not the active scheme's.
  level: SeverityLevel.nullable(),
  escalation: z.array(EscalationTarget),
  // From declaration to resolution (incident.resolvedAt), or to now while open.
  durationMs: z.number(),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const Lifecycle = z.object({
  statuses: z.array(StatusDef),
  scheme: SeverityScheme,
  severities: z.array(SeverityLevel),
});
export type Lifecycle = z.infer<typeof Lifecycle>;
