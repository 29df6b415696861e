import type { UptimeWindow } from '../../preload/contract';
import { useQuery } from './use-query';

// Ages and "last check" go stale without results; refetch now and then even when nothing is announced.
const LIVE = { refreshOn: { 'monitors.changed': true }, everyMs: 15_000 } as const;

export function useMonitorsOverview() {
  return useQuery('monitors.list', {}, LIVE);
}

export function useMonitorDetail(id: number, window: UptimeWindow) {
  return useQuery('monitors.get', { id, window }, LIVE);
}
