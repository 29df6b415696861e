import type { EventName, EventPayload } from './events';
import type { MethodName, ParamsOf, ResultOf } from './methods';

// The one object a window sees, whether it talks to Electron's preload or to the headless server.
export interface TrayageApi {
  call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

// What the preload exposes on `window.trayage`: raw envelopes, validated on both ends.
export interface TrayageBridge {
  invoke(request: unknown): Promise<unknown>;
  subscribe(listener: (event: unknown) => void): () => void;
}

export const BRIDGE_KEY = 'trayageBridge';
export const IPC_CALL_CHANNEL = 'trayage:call';
export const IPC_EVENT_CHANNEL = 'trayage:event';
