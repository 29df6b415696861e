import type { StatusLifecycle, TimelineEntry } from '../../../../preload/contract';
import { causeNotes, statusMoves } from './incident-notes';
import { DEFAULT_LIFECYCLE, isOpenStatus, isWatchStatus } from './lifecycle';
import { outcomeLine, runOutcomes } from './run-outcomes';

/** What the incident's record already says for the post-mortem's Root Cause and Resolution. */
export interface PostmortemFacts {
  rootCause: string[];
  resolution: string[];
}

/**
 * Root cause: people's notes that name a cause. Resolution: the notes given when the incident
 * moved to a watch status or was resolved ("rolled back to v1.4.1"), and the last rollback that
 * succeeded, in the order they happened.
 */
export function postmortemFacts(timeline: TimelineEntry[], lifecycle: StatusLifecycle = DEFAULT_LIFECYCLE): PostmortemFacts {
  const fixes = statusMoves(timeline)
    .filter((m) => m.note !== null && (isWatchStatus(lifecycle, m.to) || !isOpenStatus(lifecycle, m.to)))
    .map((m) => ({ at: m.at, text: m.note as string }));
  const rollback = runOutcomes(timeline)
    .filter((r) => r.kind === 'rollback' && r.status === 'ok')
    .at(-1);
  if (rollback) fixes.push({ at: rollback.at, text: `${outcomeLine(rollback)} (run #${rollback.runId})` });
  return {
    rootCause: causeNotes(timeline),
    resolution: [...new Set(fixes.sort((a, b) => a.at - b.at).map((f) => f.text))],
  };
}
