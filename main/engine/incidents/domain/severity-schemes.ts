import { checkScheme, type SeverityLevel, type SeverityScheme } from '../../../../preload/contract';

export type SchemeCheck = { ok: true; scheme: SeverityScheme } | { ok: false; errors: string[] };

/** Checks a scheme a team edited or a runbook brought; each error names the level and the field. */
export function validateSeverityScheme(input: unknown): SchemeCheck {
  const check = checkScheme(input);
  return check.ok ? { ok: true, scheme: check.value } : { ok: false, errors: check.problems };
}

/** The level for a key, matched without regard to case; undefined when the scheme has no such level. */
export function findLevel(scheme: SeverityScheme, key: string): SeverityLevel | undefined {
  const wanted = key.trim().toLowerCase();
  return scheme.levels.find((l) => l.key.toLowerCase() === wanted);
}

/** Like findLevel but throws an error that lists the keys the scheme knows. */
export function requireLevel(scheme: SeverityScheme, key: string): SeverityLevel {
  const level = findLevel(scheme, key);
  if (level) return level;
  const known = scheme.levels.map((l) => l.key).join(', ');
  throw new Error(`Severity '${key}' is not in the scheme '${scheme.name}'; use one of ${known}.`);
}

/** 0 for the most severe level; -1 when the key is unknown. */
export function severityRank(scheme: SeverityScheme, key: string): number {
  const wanted = key.trim().toLowerCase();
  return scheme.levels.findIndex((l) => l.key.toLowerCase() === wanted);
}

// Field order differs between a stored snapshot and a preset, so fields are compared by name.
const canonical = (level: SeverityLevel) => JSON.stringify(level, Object.keys(level).sort());

/** Whether a kept level says the same as a scheme's level: same name, times and escalation path. */
export function sameLevel(kept: SeverityLevel | null, offered: SeverityLevel | undefined): boolean {
  return !!offered && kept !== null && canonical(kept) === canonical(offered);
}
