import type { TimelineEntry } from '../../../../preload/contract';

/**
 * Data of a note another area writes from its own work (a monitor's failures, an alert's labels,
 * a runbook pack's summary). Such notes are evidence, not what people did or found, so status
 * updates and post-mortems leave them out.
 */
export const AUTOMATIC_NOTE = { automatic: true } as const;

export function isPersonNote(entry: TimelineEntry): boolean {
  if (entry.kind !== 'note') return false;
  return !(typeof entry.data === 'object' && entry.data !== null && (entry.data as { automatic?: unknown }).automatic === true);
}

export const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** A status move and the note given with it ("Resolved" + "rolled back to v1.4.1"). */
export interface StatusMove {
  at: number;
  from: string;
  to: string;
  note: string | null;
  /** The note's own entry, so it is not counted again as a separate note. */
  noteId: number | null;
}

function isMoveData(data: unknown): data is { from: string; to: string } {
  const d = data as { from?: unknown; to?: unknown } | null | undefined;
  return typeof d?.from === 'string' && typeof d.to === 'string';
}

/**
 * Status moves, oldest first, each with its note. A change is written as one batch (status entry,
 * then any other fields, the note last) under one time and actor, which is what ties them.
 */
export function statusMoves(timeline: TimelineEntry[]): StatusMove[] {
  const moves: StatusMove[] = [];
  timeline.forEach((e, i) => {
    if (e.kind !== 'status' || !isMoveData(e.data)) return;
    let note: TimelineEntry | undefined;
    for (let j = i + 1; j < timeline.length && timeline[j].at === e.at && timeline[j].actor === e.actor; j++) {
      if (timeline[j].kind === 'status') break;
      if (isPersonNote(timeline[j])) note = timeline[j];
    }
    moves.push({ at: e.at, from: e.data.from, to: e.data.to, note: note ? oneLine(note.text) : null, noteId: note?.id ?? null });
  });
  return moves;
}

// "Cause: …", "Likely cause: …", "root cause was …", "… caused by …": a note that names a cause.
const SAYS_CAUSE = /\bcause\s*:|\broot cause (?:is|was)\b|\bcaused by\b/i;
const CAUSE_LABEL = /^(?:(?:the\s+)?(?:likely\s+|probable\s+)?(?:root\s+)?cause)\s*:\s*/i;

/** What people's notes say the cause is, oldest first, without a leading "Root cause:" label. */
export function causeNotes(timeline: TimelineEntry[]): string[] {
  return timeline
    .filter((e) => isPersonNote(e) && SAYS_CAUSE.test(e.text))
    .map((e) => {
      const text = oneLine(e.text).replace(CAUSE_LABEL, '');
      // A sentence once its label is gone: "the pool…" becomes "The pool…"; "v1.4.2…" or "iOS…" stay as written.
      return /^[a-z]+\b(?![.\d])/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    })
    .filter(Boolean);
}
