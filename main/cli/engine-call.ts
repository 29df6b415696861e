import type { ErrorCode, MethodName, ParamsOf, ResultOf } from '../../preload/contract';
import { isErrorEnvelope, methods } from '../../preload/contract';
import type { Engine } from '../engine/engine';

// The engine refused a call; `code` tells a mistake on the command line (bad_request, not_found) from the rest.
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallError';
  }
}

// The CLI goes through the same validated door as every window does.
export async function call<M extends MethodName>(engine: Engine, method: M, params?: ParamsOf<M>): Promise<ResultOf<M>> {
  const reply = await engine.dispatch({ id: 1, method, params: params ?? {} });
  if (isErrorEnvelope(reply)) throw new CallError(reply.error.code, reply.error.message);
  return methods[method].result.parse(reply.result) as ResultOf<M>;
}
