import type { SeverityLevel, SeverityScheme } from '../../preload/contract';
import { formatDuration } from '../../main/shared/time-format';

export const TIMER_FIELDS = [
  ['responseMinutes', 'Respond within'],
  ['updateCadenceMinutes', 'Update every'],
  ['escalateAfterMinutes', 'Escalate after'],
  ['postFixWatchMinutes', 'Watch after fix'],
] as const;
export type TimerField = (typeof TIMER_FIELDS)[number][0];

/** One severity key as the current scheme and the proposed one rate it. */
export interface LevelChange {
  key: string;
  // Null when that scheme has no level of this key.
  before: SeverityLevel | null;
  after: SeverityLevel | null;
  // The timers whose times differ; every timer for a level the current scheme lacks.
  changed: TimerField[];
}

// Keys are matched without regard to case, as the engine finds an incident's level.
const sameKey = (a: SeverityLevel) => (b: SeverityLevel) => a.key.trim().toLowerCase() === b.key.trim().toLowerCase();

/** The proposed scheme's levels in its order, then the current levels it drops. */
export function levelChanges(current: SeverityScheme, next: SeverityScheme): LevelChange[] {
  const kept = next.levels.map((after): LevelChange => {
    const before = current.levels.find(sameKey(after)) ?? null;
    const changed = TIMER_FIELDS.map(([field]) => field).filter((field) => !before || before[field] !== after[field]);
    return { key: after.key, before, after, changed };
  });
  const dropped = current.levels
    .filter((before) => !next.levels.some(sameKey(before)))
    .map((before): LevelChange => ({ key: before.key, before, after: null, changed: [] }));
  return [...kept, ...dropped];
}

/** "15 min", "1 d", "at once" or "none": how a scheme's minutes read in a sentence. */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return 'none';
  return minutes === 0 ? 'at once' : formatDuration(minutes * 60_000);
}
