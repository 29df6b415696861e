// Connection failures that are not about host keys (see host-key-errors.ts).
// Each names the alias and the address so the user knows which entry to fix.

export class SshConnectError extends Error {
  override name = 'SshConnectError';
  constructor(
    readonly alias: string,
    message: string,
  ) {
    super(message);
  }
}

export class SshAuthError extends Error {
  override name = 'SshAuthError';
  constructor(
    readonly alias: string,
    readonly attempts: string[],
    message: string,
  ) {
    super(message);
  }
}

export class SshTimeoutError extends Error {
  override name = 'SshTimeoutError';
  constructor(
    readonly alias: string,
    message: string,
  ) {
    super(message);
  }
}
