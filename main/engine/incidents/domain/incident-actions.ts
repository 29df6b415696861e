import type { StatusLifecycle, TimelineEntry } from '../../../../preload/contract';
import { isPersonNote, oneLine, statusMoves } from './incident-notes';
import { DEFAULT_LIFECYCLE, statusName } from './lifecycle';
import { outcomeLine, runOutcomes } from './run-outcomes';

export interface ActionLine {
  at: number;
  text: string;
}

/**
 * What people did and found, one line each, oldest first: their notes, status moves with the
 * note given, escalations, re-rates and how runs ended. Left out on purpose: evidence other
 * areas write (a monitor's "HTTP 503" lines), checklist ticks and a run's individual steps;
 * readers of a status update want the story, not the log.
 */
export function actionLines(timeline: TimelineEntry[], lifecycle: StatusLifecycle = DEFAULT_LIFECYCLE): ActionLine[] {
  const moves = statusMoves(timeline);
  const statusNoteIds = new Set(moves.flatMap((m) => (m.noteId === null ? [] : [m.noteId])));
  const lines: ActionLine[] = moves.map((m) => {
    const moved = `moved to ${statusName(lifecycle, m.to)}`;
    return { at: m.at, text: m.note ? `${m.note} (${moved})` : moved.charAt(0).toUpperCase() + moved.slice(1) };
  });
  for (const e of timeline) {
    if (isPersonNote(e) && !statusNoteIds.has(e.id)) lines.push({ at: e.at, text: oneLine(e.text) });
    if (e.kind === 'escalated' || e.kind === 'severity') lines.push({ at: e.at, text: oneLine(e.text) });
  }
  for (const run of runOutcomes(timeline)) lines.push({ at: run.at, text: outcomeLine(run) });
  // Stable: lines of the same moment keep the order they were gathered in.
  return lines.sort((a, b) => a.at - b.at);
}
