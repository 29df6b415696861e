import { useEffect, useMemo, useRef, useState } from 'react';
import type { MonitorsOverview } from '../../preload/contract';
import { useApi } from '../app-context';
import { attempt } from './attempt';
import { coalesced } from './coalesced';
import { onReconnect } from './connection';
import { merged } from './monitor-list-merge';
import type { Query } from './use-query';

// Ages and "last check" go stale without results; look for changes now and then even when nothing is announced.
const CHANGES_EVERY_MS = 15_000;
// Uptime over 24 h drifts as old results leave the window, which no change reports: all of it now and then.
const WHOLE_EVERY_MS = 5 * 60_000;

/**
 * Every monitor, kept fresh by asking only for those changed since the last list: with 10,000
 * monitors the whole list is 3.6 MB to send, parse and check, the changes a few hundred rows.
 */
export function useMonitorList(): Query<MonitorsOverview> {
  const api = useApi();
  const [result, setResult] = useState<{ data: MonitorsOverview | null; error: string | null }>({ data: null, error: null });
  const [loading, setLoading] = useState(true);
  const held = useRef<{ data: MonitorsOverview | null; wholeAt: number }>({ data: null, wholeAt: 0 });

  const refresh = useMemo(() => {
    const ask = (since: string | null) => attempt(() => api.call('monitors.list', since === null ? { sparklines: false } : { sparklines: false, since }));
    const fetchOnce = coalesced(async () => {
      const last = held.current.data;
      const whole = last === null || last.cursor === null || Date.now() - held.current.wholeAt >= WHOLE_EVERY_MS;
      let outcome = await ask(whole ? null : last.cursor);
      let next = outcome.ok ? (outcome.value.partial ? merged(last!, outcome.value) : outcome.value) : null;
      // Rows the held list does not have: only the whole list can be trusted now.
      if (outcome.ok && next === null) {
        outcome = await ask(null);
        next = outcome.ok ? outcome.value : null;
      }
      if (!outcome.ok) {
        const { error } = outcome;
        setResult((r) => ({ ...r, error }));
        return;
      }
      if (!outcome.value.partial) held.current.wholeAt = Date.now();
      held.current.data = next!;
      setResult({ data: next, error: null });
    });
    return () => {
      setLoading(true);
      return fetchOnce().finally(() => setLoading(false));
    };
  }, [api]);

  useEffect(() => {
    void refresh();
    const off = api.on('monitors.changed', () => void refresh());
    const timer = setInterval(() => void refresh(), CHANGES_EVERY_MS);
    const offReconnect = onReconnect(() => {
      // Events were missed and the engine may have restarted: start again from the whole list.
      held.current.data = null;
      void refresh();
    });
    return () => {
      off();
      clearInterval(timer);
      offReconnect();
    };
  }, [api, refresh]);

  return { ...result, loading, refresh };
}
