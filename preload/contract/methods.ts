import type { z } from 'zod';
import { alertMethods } from './alert-methods';
import { channelMethods } from './channel-methods';
import { coreMethods } from './core-methods';
import { escalationMethods } from './escalation-methods';
import { incidentMethods } from './incident-methods';
import { intakeMethods } from './intake-methods';
import { monitorMethods } from './monitor-methods';
import { noticeMethods } from './notices';
import { packMethods } from './pack-methods';
import { runMethods } from './run-methods';
import { workflowMethods } from './workflow-methods';

// Every call any process can make: one name, one params schema, one result schema.
// Each area keeps its own map; one spread line here per area.
export const methods = {
  ...coreMethods,
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
