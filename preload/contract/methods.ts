import { z } from 'zod';
import {
  AddNoteParams,
  DeclareIncidentParams,
  Incident,
  IncidentDetail,
  IncidentId,
  Lifecycle,
  ListIncidentsParams,
  SetStatusParams,
  TimelineEntry,
  UpdateIncidentParams,
} from './incidents';
import { TrayState } from './tray';

const NoParams = z.object({}).strict().default({});

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  actor: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

// Every call any process can make: one name, one params schema, one result schema.
export const methods = {
  'app.info': { params: NoParams, result: AppInfo },
  'incidents.lifecycle': { params: NoParams, result: Lifecycle },
  'incidents.list': { params: ListIncidentsParams, result: z.array(Incident) },
  'incidents.get': { params: z.object({ id: IncidentId }).strict(), result: IncidentDetail },
  'incidents.declare': { params: DeclareIncidentParams, result: Incident },
  'incidents.update': { params: UpdateIncidentParams, result: Incident },
  'incidents.setStatus': { params: SetStatusParams, result: Incident },
  'incidents.addNote': { params: AddNoteParams, result: TimelineEntry },
  'tray.state': { params: NoParams, result: TrayState },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
