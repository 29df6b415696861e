import { z } from 'zod';
import { alertMethods } from './alert-methods';
import { channelMethods } from './channel-methods';
import { escalationMethods } from './escalation-methods';
import { incidentMethods } from './incident-methods';
import { intakeMethods } from './intake-methods';
import { monitorMethods } from './monitor-methods';
import { noticeMethods } from './notices';
import { packMethods } from './pack-methods';
import { runMethods } from './run-methods';
import { TrayState } from './tray';
import { workflowMethods } from './workflow-methods';

const NoParams = z.object({}).strict().default({});

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  actor: z.string(),
  // False when another engine on the same data directory runs the monitors, sources, timers and notices.
  background: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

// Every call any process can make: one name, one params schema, one result schema.
// Each area keeps its own map; one spread line here per area.
export const methods = {
  'app.info': { params: NoParams, result: AppInfo },
  'tray.state': { params: NoParams, result: TrayState },
  ...incidentMethods,
  ...workflowMethods,
  ...channelMethods,
  ...alertMethods,
  ...monitorMethods,
  ...noticeMethods,
  ...runMethods,
  ...packMethods,
  ...escalationMethods,
  ...intakeMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type ParamsOf<M extends MethodName> = z.input<Methods[M]['params']>;
export type ResultOf<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
