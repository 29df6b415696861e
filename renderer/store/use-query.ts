import { useEffect, useMemo, useRef, useState } from 'react';
import type { EventName, EventPayload, MethodName, ParamsOf, ResultOf } from '../../preload/contract';
import { useApi } from '../app-context';
import { attempt } from './attempt';
import { coalesced } from './coalesced';
import { onReconnect } from './connection';

type Trigger<E extends EventName> = true | ((payload: EventPayload<E>) => boolean);

// The engine events after which the data may be out of date; a function picks the payloads that concern it.
export type RefreshOn = { [E in EventName]?: Trigger<E> };

export interface QueryOptions {
  refreshOn?: RefreshOn;
  // For data that ages without any event (last check times, poll ages).
  everyMs?: number;
  // False while the params are not known yet: nothing is fetched and data is null.
  enabled?: boolean;
}

export interface Query<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  // Resolves once the data reflects everything asked for up to now.
  refresh: () => Promise<void>;
}

function fires<E extends EventName>(trigger: Trigger<E> | undefined, payload: EventPayload<E>): boolean {
  return trigger === true || (trigger !== undefined && trigger(payload));
}

/**
 * One contract method's result, kept fresh: fetched when the params change, when a listed event arrives and when the
 * connection comes back. While new params load, the previous data stays, so a search box does not blank its list.
 */
export function useQuery<M extends MethodName>(method: M, params?: ParamsOf<M>, options: QueryOptions = {}): Query<ResultOf<M>> {
  const api = useApi();
  const { refreshOn = {}, everyMs, enabled = true } = options;
  const key = `${method} ${JSON.stringify(params ?? {})}`;
  const [result, setResult] = useState<{ data: ResultOf<M> | null; error: string | null }>({ data: null, error: null });
  const [loading, setLoading] = useState(enabled);
  const asked = useRef({ key, method, params, refreshOn, enabled });
  asked.current = { key, method, params, refreshOn, enabled };

  const refresh = useMemo(() => {
    const fetchOnce = coalesced(async () => {
      const { key: sent, method: m, params: p } = asked.current;
      const outcome = await attempt(() => api.call(m, p));
      // Params changed meanwhile: this reply is not wanted, and the change has asked for its own.
      if (sent !== asked.current.key) return;
      if (outcome.ok) setResult({ data: outcome.value as ResultOf<M>, error: null });
      else setResult((r) => ({ ...r, error: outcome.error }));
    });
    return () => {
      if (!asked.current.enabled) return Promise.resolve();
      setLoading(true);
      return fetchOnce().finally(() => setLoading(false));
    };
  }, [api]);

  useEffect(() => {
    if (enabled) void refresh();
  }, [refresh, key, enabled]);

  const events = enabled ? Object.keys(refreshOn).sort().join(' ') : '';
  useEffect(() => {
    if (!events) return;
    const subscribe = <E extends EventName>(event: E) =>
      api.on(event, (payload) => {
        if (fires(asked.current.refreshOn[event], payload)) void refresh();
      });
    const offs = (events.split(' ') as EventName[]).map(subscribe);
    return () => offs.forEach((off) => off());
  }, [api, refresh, events]);

  useEffect(() => {
    if (!enabled || !everyMs) return;
    const timer = setInterval(() => void refresh(), everyMs);
    return () => clearInterval(timer);
  }, [refresh, enabled, everyMs]);

  useEffect(() => (enabled ? onReconnect(() => void refresh()) : undefined), [refresh, enabled]);

  if (!enabled) return { data: null, error: null, loading: false, refresh };
  return { ...result, loading, refresh };
}
