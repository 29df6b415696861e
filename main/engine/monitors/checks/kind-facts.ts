import type { MonitorKind } from '../domain/check-types';
import type { ConditionFact } from '../domain/condition-types';

export interface ReportedFacts {
  /** What the checks report besides their duration, e.g. `status` and `body` for HTTP. */
  facts: readonly ConditionFact[];
  /** The monitor in messages, when its settings matter: 'an http:// monitor'. */
  as?: string;
}

/**
 * What a kind's checks report for conditions to read, declared beside its probe. The config loader
 * refuses a condition on anything else: it could never pass, and the monitor would stay DOWN.
 */
export interface ReportsFacts<S> {
  reports(settings: S): ReportedFacts;
}

/** What `kind` reports for these settings; undefined for a kind that does not say (then nothing is refused). */
export function reportedFacts(kind: MonitorKind<unknown>, settings: unknown): ReportedFacts | undefined {
  return (kind as MonitorKind<unknown> & Partial<ReportsFacts<unknown>>).reports?.(settings);
}
