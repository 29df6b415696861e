import type { OutputBatch } from './output-batcher';

export interface RunOptions {
  timeoutMs?: number;
  onOutput?: (batch: OutputBatch) => void;
  signal?: AbortSignal;
}

// exited: the command finished with an exit code (zero or not);
// signalled: the remote process died of a signal; timeout / cancelled: we
// closed the channel; lost: the connection dropped before an exit status.
export type CommandStatus = 'exited' | 'signalled' | 'timeout' | 'cancelled' | 'lost';

export interface CommandResult {
  alias: string;
  command: string;
  status: CommandStatus;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  stdoutBytes: number;
  stderrBytes: number;
  truncated: boolean;
  startedAt: number;
  durationMs: number;
  // From the start of run() (connecting included) to the first output byte.
  firstByteMs: number | null;
}

// What procedures and monitors need from a runner; SshRunner is the real one.
export interface CommandRunner {
  run(alias: string, command: string, options?: RunOptions): Promise<CommandResult>;
}
