import type { RecentResult } from '../../../preload/contract';

export type StateChange =
  | { at: number; to: 'failing'; error: string }
  // `failingFor` runs from the first failed check in view, so it may be longer when the window begins mid-failure.
  | { at: number; to: 'passing'; failedChecks: number; failingFor: number };

/**
 * Where the recent results turn from passing to failing and back, newest first. These are the checks' own
 * changes: the monitor is reported down only after its failure threshold, which the engine decides.
 */
export function stateChanges(recent: RecentResult[]): StateChange[] {
  const changes: StateChange[] = [];
  let failedChecks = 0;
  let firstFailure: number | null = null;
  let previous: RecentResult | null = null;
  for (const r of [...recent].sort((a, b) => a.at - b.at)) {
    if (!r.ok) {
      if (previous?.ok) changes.push({ at: r.at, to: 'failing', error: r.error ?? (r.status === null ? 'failed' : `status ${r.status}`) });
      firstFailure ??= r.at;
      failedChecks += 1;
    } else if (previous && !previous.ok && firstFailure !== null) {
      changes.push({ at: r.at, to: 'passing', failedChecks, failingFor: r.at - firstFailure });
      failedChecks = 0;
      firstFailure = null;
    }
    previous = r;
  }
  return changes.reverse();
}
