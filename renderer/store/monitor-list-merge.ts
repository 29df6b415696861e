import type { MonitorsOverview, MonitorSummary } from '../../preload/contract';

/** `changes` laid over `last`, in place of the rows they replace; null when the count differs or a changed row is not in `last`. */
export function merged(last: MonitorsOverview, changes: MonitorsOverview): MonitorsOverview | null {
  const rest = { ...changes, partial: false };
  if (changes.total !== last.monitors.length) return null;
  if (changes.monitors.length === 0) return { ...rest, monitors: last.monitors };
  const at = new Map(last.monitors.map((m, i) => [m.id, i]));
  const monitors: MonitorSummary[] = [...last.monitors];
  for (const monitor of changes.monitors) {
    const i = at.get(monitor.id);
    if (i === undefined) return null;
    monitors[i] = monitor;
  }
  return { ...rest, monitors };
}
