import type { RpcError } from '../../preload/contract';

/** A call the engine refused or answered with something the contract does not allow. */
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
