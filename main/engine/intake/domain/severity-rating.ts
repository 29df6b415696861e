import type { SeverityScheme } from '../../../../preload/contract';

// Words alert rules commonly put in a `severity` label, by rank (0 = the scheme's most severe level).
const WORD_RANKS: Record<string, number> = {
  emergency: 0,
  disaster: 0,
  fatal: 0,
  critical: 0,
  crit: 0,
  page: 0,
  high: 1,
  major: 1,
  error: 1,
  warning: 2,
  warn: 2,
  medium: 2,
  moderate: 2,
  minor: 2,
  low: 3,
  info: 3,
  informational: 3,
  notice: 3,
  none: 3,
};

export interface Rating {
  /** A level key of the scheme. */
  key: string;
  /** False when the value named no level, so the scheme's lowest was taken. */
  matched: boolean;
  /** How the value was read, for the incident's timeline. */
  note: string;
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The level a severity value names: a level's key or name ("P1", "sev1", "Critical"), else a common word by rank. */
export function findLevel(value: string, scheme: SeverityScheme): string | null {
  const wanted = squash(value);
  if (!wanted) return null;
  const byKey = scheme.levels.find((l) => squash(l.key) === wanted) ?? scheme.levels.find((l) => squash(l.name) === wanted);
  if (byKey) return byKey.key;
  const rank = WORD_RANKS[wanted];
  if (rank === undefined) return null;
  return scheme.levels[Math.min(rank, scheme.levels.length - 1)].key;
}

/** Rates an alert on the scheme in force; a missing or unknown value gets the lowest level, and the note says so. */
export function rateSeverity(value: string | undefined, scheme: SeverityScheme): Rating {
  const lowest = scheme.levels[scheme.levels.length - 1].key;
  const keys = scheme.levels.map((l) => l.key).join(', ');
  if (value === undefined || value.trim() === '') {
    return { key: lowest, matched: false, note: `The alert has no severity label; rated ${lowest}, the lowest level of the scheme (${keys}).` };
  }
  const key = findLevel(value, scheme);
  if (key === null) {
    return {
      key: lowest,
      matched: false,
      note: `Severity '${value}' names no level of the scheme (${keys}) nor a common word (critical, high, warning, info); rated ${lowest}, the lowest level.`,
    };
  }
  return { key, matched: true, note: `Severity '${value}' rated ${key}.` };
}
