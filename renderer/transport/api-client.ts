import {
  EventEnvelope,
  type EventName,
  type EventPayload,
  events,
  type MethodName,
  methods,
  type ParamsOf,
  ResponseEnvelope,
  type ResultOf,
  type RpcError,
  type TrayageApi,
  type TrayageBridge,
} from '../../preload/contract';

export class ApiError extends Error {
  constructor(
    readonly code: RpcError['code'],
    message: string,
    readonly issues: RpcError['issues'] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// Replies and events are validated here too: a window trusts nothing that crossed a process boundary.
export function createApiClient(bridge: TrayageBridge): TrayageApi {
  let nextId = 1;
  return {
    async call<M extends MethodName>(method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
      const raw = await bridge.invoke({ id: nextId++, method, params: params ?? {} });
      const envelope = ResponseEnvelope.safeParse(raw);
      if (!envelope.success) throw new ApiError('internal', `The engine sent a malformed reply to ${method}.`);
      if ('error' in envelope.data) {
        const { code, message, issues } = envelope.data.error;
        throw new ApiError(code, message, issues);
      }
      const result = methods[method].result.safeParse(envelope.data.result);
      if (!result.success) throw new ApiError('internal', `The engine's reply to ${method} does not match the contract.`);
      return result.data as ResultOf<M>;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      return bridge.subscribe((raw) => {
        const envelope = EventEnvelope.safeParse(raw);
        if (!envelope.success || envelope.data.event !== event) return;
        const payload = events[event].safeParse(envelope.data.payload);
        if (payload.success) listener(payload.data as EventPayload<E>);
      });
    },
  };
}
