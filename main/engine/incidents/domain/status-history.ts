import type { TimelineEntry } from '../../../../preload/contract';

export interface StatusChange {
  at: number;
  from: string;
  to: string;
}

function isStatusData(data: unknown): data is { from: string; to: string } {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.from === 'string' && typeof d.to === 'string';
}

/** Status moves recorded in the timeline, oldest first; entries without from/to data are skipped. */
export function statusChanges(timeline: TimelineEntry[]): StatusChange[] {
  return timeline
    .filter((e) => e.kind === 'status' && isStatusData(e.data))
    .map((e) => {
      const d = e.data as { from: string; to: string };
      return { at: e.at, from: d.from, to: d.to };
    })
    .sort((a, b) => a.at - b.at);
}
