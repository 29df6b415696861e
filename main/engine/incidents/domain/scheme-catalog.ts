import type { SeverityScheme } from '../../../../preload/contract';
import { GITQUEST_SEV, HEROFORGE_P1_P4 } from './severity-presets-p1-p4-sev';
import { HEALING_GUARD_P0_P3, HOTDASH_P0_P3, MONITORING_SYSTEM_P0_P3 } from './severity-presets-p0-p3';

// Frozen so that editing a scheme in place cannot quietly change every incident's timers;
// edits go through copyScheme.
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Every ready-made scheme, in the order a team should see them. */
export const READY_MADE_SCHEMES: readonly SeverityScheme[] = deepFreeze([
  HOTDASH_P0_P3,
  HEALING_GUARD_P0_P3,
  MONITORING_SYSTEM_P0_P3,
  HEROFORGE_P1_P4,
  GITQUEST_SEV,
]);

/** The scheme in force until a team picks another: the one runbook that gives every timer. */
export const DEFAULT_SCHEME: SeverityScheme = HOTDASH_P0_P3;

/** A deep copy the team can edit without touching the ready-made original. */
export function copyScheme(id: string): SeverityScheme {
  const found = READY_MADE_SCHEMES.find((s) => s.id === id);
  if (!found) {
    throw new Error(`There is no ready-made severity scheme '${id}'; choose one of ${READY_MADE_SCHEMES.map((s) => s.id).join(', ')}.`);
  }
  return structuredClone(found);
}
