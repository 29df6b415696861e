import { z } from 'zod';
import { IncidentDetail, Lifecycle } from './incident-detail';
import { AddNoteParams, DeclareIncidentParams, Incident, IncidentId, IncidentSummary, ListIncidentsParams, SetStatusParams, TimelineEntry } from './incidents';
import { ChangeIncidentParams, MetricsReport, SearchHit, SearchParams, TimerKind } from './workflow';

const NoParams = z.object({}).strict().default({});

export const incidentMethods = {
  'incidents.lifecycle': { params: NoParams, result: Lifecycle },
  'incidents.list': { params: ListIncidentsParams, result: z.array(IncidentSummary) },
  'incidents.get': { params: z.object({ id: IncidentId }).strict(), result: IncidentDetail },
  'incidents.timeline': {
    params: z.object({ id: IncidentId, beforeId: z.number().int(), limit: z.number().int().min(1).max(5000).default(1000) }).strict(),
    result: z.array(TimelineEntry),
  },
  'incidents.declare': { params: DeclareIncidentParams, result: Incident },
  'incidents.change': { params: ChangeIncidentParams, result: Incident },
  'incidents.setStatus': { params: SetStatusParams, result: Incident },
  'incidents.addNote': { params: AddNoteParams, result: TimelineEntry },
  'incidents.snoozeTimer': {
    params: z.object({ id: IncidentId, kind: TimerKind, minutes: z.number().int().min(1).max(1440) }).strict(),
    result: Incident,
  },
  'incidents.escalate': {
    params: z.object({ id: IncidentId, to: z.array(z.string().max(120)).min(1).max(10), note: z.string().max(2000).optional() }).strict(),
    result: TimelineEntry,
  },
  // A linked monitor or alert failed again: inside the post-fix watch this offers to re-open the incident.
  'incidents.relapse': {
    params: z.object({ id: IncidentId, what: z.string().max(500) }).strict(),
    result: z.object({ insideWatch: z.boolean() }),
  },
  'incidents.search': { params: SearchParams, result: z.array(SearchHit) },
  'incidents.metrics': { params: z.object({ from: z.number().int(), to: z.number().int() }).strict(), result: MetricsReport },
  'incidents.export': {
    params: z.object({ format: z.enum(['json', 'csv']), from: z.number().int().optional(), to: z.number().int().optional() }).strict(),
    result: z.object({ filename: z.string(), mime: z.string(), content: z.string() }),
  },
} as const;
