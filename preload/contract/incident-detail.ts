import { z } from 'zod';
import { Incident, TimelineEntry } from './incidents';
import { Checklist, EscalationTarget, SeverityLevel, SeverityScheme, StatusDef, Timer } from './workflow';

// Everything the incident window shows, in one reply.
export const IncidentDetail = z.object({
  incident: Incident,
  // The latest entries only; `timelineTotal` says how many there are (older pages via incidents.timeline).
  timeline: z.array(TimelineEntry),
  timelineTotal: z.number().int(),
  checklists: z.array(Checklist),
  timers: z.array(Timer),
  level: SeverityLevel.nullable(),
  escalation: z.array(EscalationTarget),
});
export type IncidentDetail = z.infer<typeof IncidentDetail>;

export const Lifecycle = z.object({
  statuses: z.array(StatusDef),
  scheme: SeverityScheme,
  severities: z.array(SeverityLevel),
});
export type Lifecycle = z.infer<typeof Lifecycle>;
