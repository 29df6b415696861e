import type { ZodType } from 'zod';
import type { MethodName } from '../../preload/contract';

// Each area's schemas are a chunk of their own, built when a window first calls one of the area's
// methods: building every schema of the contract took 75–140 ms of the main thread as a window
// started, and a window's first screen calls the methods of two or three areas.

export interface MethodSchemas {
  params: ZodType;
  result: ZodType;
}

type Group = Readonly<Record<string, MethodSchemas>>;

const GROUPS = {
  core: () => import('../../preload/contract/core-methods').then((m) => m.coreMethods),
  incidents: () => import('../../preload/contract/incident-methods').then((m) => m.incidentMethods),
  workflow: () => import('../../preload/contract/workflow-methods').then((m) => m.workflowMethods),
  channels: () => import('../../preload/contract/channel-methods').then((m) => m.channelMethods),
  alerts: () => import('../../preload/contract/alert-methods').then((m) => m.alertMethods),
  monitors: () => import('../../preload/contract/monitor-methods').then((m) => m.monitorMethods),
  notices: () => import('../../preload/contract/notices').then((m) => m.noticeMethods),
  runs: () => import('../../preload/contract/run-methods').then((m) => m.runMethods),
  packs: () => import('../../preload/contract/pack-methods').then((m) => m.packMethods),
  escalation: () => import('../../preload/contract/escalation-methods').then((m) => m.escalationMethods),
  intake: () => import('../../preload/contract/intake-methods').then((m) => m.intakeMethods),
} satisfies Record<string, () => Promise<Group>>;

export type GroupName = keyof typeof GROUPS;

/** The area file of each method by the prefix of its name (test/renderer/method-schemas.test.ts checks every method). */
const BY_PREFIX: Readonly<Record<string, GroupName>> = {
  app: 'core',
  tray: 'core',
  incidents: 'incidents',
  checklists: 'workflow',
  contacts: 'workflow',
  lifecycle: 'workflow',
  postmortem: 'workflow',
  schemes: 'workflow',
  templates: 'workflow',
  channels: 'channels',
  updates: 'channels',
  alerts: 'alerts',
  sources: 'alerts',
  monitors: 'monitors',
  hosts: 'runs',
  procedures: 'runs',
  runs: 'runs',
  packs: 'packs',
  escalation: 'escalation',
  oncall: 'escalation',
  integrations: 'intake',
};

/** Methods kept in another area's file than their prefix says. */
const BY_NAME: Readonly<Partial<Record<MethodName, GroupName>>> = {
  'notifications.pending': 'notices',
  'notifications.list': 'notices',
  'notifications.acknowledge': 'notices',
  'notifications.sounds': 'monitors',
  'notifications.setSounds': 'monitors',
  'notifications.snooze': 'workflow',
};

export function groupOf(method: MethodName): GroupName | undefined {
  return BY_NAME[method] ?? BY_PREFIX[method.slice(0, method.indexOf('.'))];
}

const loading = new Map<GroupName, Promise<Group>>();

function load(name: GroupName): Promise<Group> {
  let group = loading.get(name);
  if (!group) {
    group = GROUPS[name]().catch((error: unknown) => {
      // Not kept: the next call tries again (the server may have been down for a moment).
      loading.delete(name);
      throw new Error(`This window could not load part of itself (${error instanceof Error ? error.message : String(error)}). Reload the page.`);
    });
    loading.set(name, group);
  }
  return group;
}

/** The schemas of `method`, loading its area's chunk on first use. */
export async function schemasFor(method: MethodName): Promise<MethodSchemas> {
  const name = groupOf(method);
  if (name === undefined) throw new Error(`No schemas are known for ${method}.`);
  const schemas = (await load(name))[method];
  if (!schemas) throw new Error(`No schemas are known for ${method}.`);
  return schemas;
}

/**
 * Loads every area's schemas not loaded yet. Asked for once the first screen is up, so a window
 * left open still has them all if the server it came from is replaced by another version, whose
 * chunks have other names.
 */
export function loadAll(): Promise<unknown> {
  return Promise.allSettled((Object.keys(GROUPS) as GroupName[]).map(load));
}
