import { useCallback, useEffect, useRef, useState } from 'react';
import type { MonitorDetail, MonitorsOverview, UptimeWindow } from '../../../preload/contract';
import { useApi } from '../../app-context';

// Ages and "last check" go stale without results; refetch now and then even when nothing is announced.
const REFRESH_MS = 15_000;

/** Keeps data fresh: reloads when the engine announces monitor changes, when `key` changes, and every few seconds. */
function useLive<T>(load: () => Promise<T>, key: string): { data: T | null; error: string | null; reload: () => Promise<void> } {
  const api = useApi();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(load);
  latest.current = load;
  const loading = useRef(false);
  const again = useRef(false);
  // One request at a time; a reload asked for meanwhile runs right after, with the newest loader.
  const reload = useCallback(async () => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = true;
    try {
      do {
        again.current = false;
        try {
          setData(await latest.current());
          setError(null);
        } catch (err) {
          setError((err as Error).message);
        }
      } while (again.current);
    } finally {
      loading.current = false;
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload, key]);
  useEffect(() => {
    const off = api.on('monitors.changed', () => void reload());
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api, reload]);
  return { data, error, reload };
}

export function useMonitorsOverview() {
  const api = useApi();
  return useLive<MonitorsOverview>(() => api.call('monitors.list'), 'list');
}

export function useMonitorDetail(id: number, window: UptimeWindow) {
  const api = useApi();
  return useLive<MonitorDetail>(() => api.call('monitors.get', { id, window }), `${id}:${window}`);
}
