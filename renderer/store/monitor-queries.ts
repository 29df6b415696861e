import type { UptimeWindow } from '../../preload/contract';
import { useMonitorList } from './monitor-list';
import { useQuery } from './use-query';

// Ages and "last check" go stale without results; refetch now and then even when nothing is announced.
const LIVE = { refreshOn: { 'monitors.changed': true }, everyMs: 15_000 } as const;

// Rows on a first screen, asked for apart so they show before the whole list has arrived.
const FIRST_SCREEN = 60;

/**
 * Every monitor, without sparklines (the list asks for those of the rows in view). Until the whole
 * list has arrived, the most urgent FIRST_SCREEN monitors stand in for it, with the totals.
 */
export function useMonitorsOverview() {
  // Asked first (effects run in order), so the engine answers it before the whole list; once per visit.
  const head = useQuery('monitors.list', { sparklines: false, first: FIRST_SCREEN });
  const all = useMonitorList();
  return all.data === null && head.data !== null ? { ...all, data: head.data } : all;
}

export function useMonitorSparklines(ids: readonly number[]) {
  return useQuery('monitors.sparklines', { ids: [...ids] }, { ...LIVE, enabled: ids.length > 0 });
}

export function useMonitorDetail(id: number, window: UptimeWindow) {
  return useQuery('monitors.get', { id, window }, LIVE);
}
