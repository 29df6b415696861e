import { stringify } from 'yaml';
import type { MonitorFields } from '../../../preload/contract';
import type { MonitorDefinition } from './domain/check-types';
import { ConfigError } from '../lib/config/config-errors';
import { parseMonitorConfig } from './config-loader';
import type { KindRegistry } from './checks/kind-registry';
import { RpcFailure } from '../rpc/rpc-failure';

const SOURCE_NAME = 'Monitors window';

/**
 * Builds a monitor made in the app with the YAML file's own parser, so a field means the same in
 * both places. Throws an RpcFailure whose issues name the fields at fault.
 */
export function buildAppMonitor(fields: MonitorFields, kinds: KindRegistry): MonitorDefinition {
  try {
    return parseMonitorConfig(stringify({ monitors: [withoutEmpty(fields)] }), SOURCE_NAME, kinds).monitors[0];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const issues = err.issues.map((issue) => ({ path: issue.field ? `fields.${issue.field.replace(/\[\d+\]$/, '')}` : 'fields', message: issue.message }));
    throw new RpcFailure('bad_request', `Monitor '${fields.name}': ${err.issues.map((i) => i.message).join('; ')}`, issues);
  }
}

/** The reason a stored app monitor cannot run, or null when it can. */
export function appMonitorProblem(fields: MonitorFields | null, kinds: KindRegistry): { definition: MonitorDefinition | null; problem: string | null } {
  if (!fields) return { definition: null, problem: 'its stored fields cannot be read by this version; edit and save it again' };
  try {
    return { definition: buildAppMonitor(fields, kinds), problem: null };
  } catch (err) {
    return { definition: null, problem: (err as Error).message };
  }
}

// A form sends '' for a field left blank; the file would simply not have that key.
function withoutEmpty(fields: MonitorFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === '' || value === undefined) continue;
    if (Array.isArray(value)) {
      const items = value.filter((v) => v !== '');
      if (items.length > 0) out[key] = items;
      continue;
    }
    out[key] = value;
  }
  return out;
}
