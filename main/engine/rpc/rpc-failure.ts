import type { ErrorCode } from '../../../preload/contract';

// Thrown by handlers for a failure the caller caused; anything else becomes an 'internal' error.
export class RpcFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'RpcFailure';
  }
}
