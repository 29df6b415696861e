import { HostKeyChangedError, HostKeyRevokedError, HostKeyUnknownError } from './host-key-errors';
import { SshAuthError, SshTimeoutError } from './ssh-errors';
import type { CommandRunner } from './ssh-runner';

export interface SshCommandCheckInput {
  host: string;
  command: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type SshCheckErrorKind = 'host-key-unknown' | 'host-key-changed' | 'auth' | 'timeout' | 'connect';

export interface SshCommandCheckResult {
  // Null when the command did not finish (timeout, lost connection, no connection).
  exitCode: number | null;
  stdout: string;
  stderr: string;
  // First number in stdout, e.g. 85 from `df --output=pcent /` ("Use%\n 85%").
  value?: number;
  durationMs: number;
  error?: string;
  errorKind?: SshCheckErrorKind;
}

// One run of an SSH-command monitor. Never throws: a monitor that cannot
// connect is a failed check with a reason, not a crash of the scheduler.
export async function runSshCommandCheck(input: SshCommandCheckInput, runner: CommandRunner): Promise<SshCommandCheckResult> {
  const started = Date.now();
  try {
    const result = await runner.run(input.host, input.command, { timeoutMs: input.timeoutMs, signal: input.signal });
    const value = firstNumber(result.stdout);
    const base = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, durationMs: result.durationMs };
    const withValue = value === undefined ? base : { ...base, value };
    switch (result.status) {
      case 'exited':
        return withValue;
      case 'timeout':
        return { ...withValue, error: `"${input.command}" on ${input.host} did not finish within ${input.timeoutMs} ms`, errorKind: 'timeout' };
      case 'signalled':
        return { ...withValue, error: `"${input.command}" on ${input.host} was killed by signal ${result.signal}`, errorKind: 'connect' };
      default:
        return { ...withValue, error: `"${input.command}" on ${input.host} ended without an exit status (${result.status})`, errorKind: 'connect' };
    }
  } catch (err) {
    return { exitCode: null, stdout: '', stderr: '', durationMs: Date.now() - started, error: (err as Error).message, errorKind: kindOf(err) };
  }
}

export function firstNumber(text: string): number | undefined {
  const match = /-?\d+(?:\.\d+)?/.exec(text);
  return match ? Number(match[0]) : undefined;
}

function kindOf(err: unknown): SshCheckErrorKind {
  if (err instanceof HostKeyUnknownError) return 'host-key-unknown';
  if (err instanceof HostKeyChangedError || err instanceof HostKeyRevokedError) return 'host-key-changed';
  if (err instanceof SshAuthError) return 'auth';
  if (err instanceof SshTimeoutError) return 'timeout';
  return 'connect';
}
