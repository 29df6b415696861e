import type { TimelineEntry } from '../../../../preload/contract';

/** How a procedure run linked to the incident ended, read back from its 'run' entries. */
export interface RunOutcome {
  runId: number;
  at: number;
  /** The procedure's kind (diagnostic, rollback, resolution), or null when the start was not recorded. */
  kind: string | null;
  title: string;
  /** 'ok' for a run that succeeded. */
  status: string;
  hosts: string;
}

// The runs area writes `Started rollback "Title" on web-1, web-2 (run #12)` when a run starts and
// `Run #12 "Title" succeeded — 3/3 steps ok on web-1` (data { runId, status }) when it ends.
const STARTED = /^Started (\S+) "(.*)" on (.*) \(run #\d+\)$/;
const FINISHED = /^Run #\d+ "(.*)" (?:succeeded|ended: .*?) — \d+\/\d+ steps ok on (.*)$/;

const firstLine = (text: string) => text.split(/\r?\n/, 1)[0].trim();

function runData(entry: TimelineEntry): { runId: number; status?: string; stepIndex?: unknown } | null {
  if (entry.kind !== 'run' || typeof entry.data !== 'object' || entry.data === null) return null;
  const d = entry.data as { runId?: unknown; status?: unknown; stepIndex?: unknown };
  if (typeof d.runId !== 'number') return null;
  return { runId: d.runId, status: typeof d.status === 'string' ? d.status : undefined, stepIndex: d.stepIndex };
}

/** Every run that ended, in the order they ended. */
export function runOutcomes(timeline: TimelineEntry[]): RunOutcome[] {
  const starts = new Map<number, { kind: string; title: string; hosts: string }>();
  const outcomes: RunOutcome[] = [];
  for (const e of timeline) {
    const d = runData(e);
    if (!d) continue;
    const started = STARTED.exec(firstLine(e.text));
    if (started && d.status === undefined) {
      starts.set(d.runId, { kind: started[1], title: started[2], hosts: started[3] });
      continue;
    }
    // Step entries carry a step index; only the closing entry has a status and none.
    if (d.status === undefined || d.stepIndex !== undefined) continue;
    const start = starts.get(d.runId);
    const finished = FINISHED.exec(firstLine(e.text));
    outcomes.push({
      runId: d.runId,
      at: e.at,
      kind: start?.kind ?? null,
      title: finished?.[1] ?? start?.title ?? `run #${d.runId}`,
      status: d.status,
      hosts: finished?.[2] ?? start?.hosts ?? '',
    });
  }
  return outcomes;
}

/** `Rollback "Roll back web" succeeded on web-1`: one line a status update or a post-mortem can carry. */
export function outcomeLine(run: RunOutcome): string {
  const what = run.kind ? run.kind.charAt(0).toUpperCase() + run.kind.slice(1) : 'Run';
  const how = run.status === 'ok' ? 'succeeded' : `ended: ${run.status}`;
  return `${what} "${run.title}" ${how}${run.hosts ? ` on ${run.hosts}` : ''}`;
}
