import type { EventName, EventPayload, MethodName, ParamsOf, ResultOf, TrayageApi, TrayageBridge } from '../../preload/contract';
import { ApiError } from './api-error';
import { contract } from './contract';

// Replies and events are validated here too: a window trusts nothing that crossed a process boundary.
export function createApiClient(bridge: TrayageBridge): TrayageApi {
  let nextId = 1;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let unsubscribe: (() => void) | null = null;

  // One subscription for all listeners: each event is checked once, then handed to those of its name.
  const listen = () =>
    bridge.subscribe((raw) => {
      void contract
        .then(({ checkEvent }) => checkEvent(raw))
        .then((checked) => {
          if (!checked) return;
          for (const listener of listeners.get(checked.event) ?? []) (listener as (payload: unknown) => void)(checked.payload);
        });
    });

  return {
    async call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
      void contract.then(({ prepare }) => prepare(method));
      const raw = await bridge.invoke({ id: nextId++, method, params: params ?? {} });
      const outcome = await (await contract).checkReply(method, raw);
      if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.issues);
      return outcome.data as ResultOf<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const named = listeners.get(event) ?? new Set();
      listeners.set(event, named);
      named.add(listener as (payload: never) => void);
      unsubscribe ??= listen();
      return () => {
        named.delete(listener as (payload: never) => void);
        if (named.size === 0) listeners.delete(event);
        if (listeners.size === 0) {
          unsubscribe?.();
          unsubscribe = null;
        }
      };
    },
  };
}
