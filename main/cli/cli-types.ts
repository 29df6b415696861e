export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

// Thrown for a bad command line: the runner prints the message with the usage and exits 2.
export class UsageError extends Error {
  constructor(message: string, readonly usage?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

// Exit codes scripts can rely on; 3 and 4 are `trayage run`'s: the host key needs a look, or a step needs --confirm HOST.
export const EXIT = { ok: 0, failed: 1, usage: 2, hostKey: 3, needsConfirm: 4 } as const;
