import { type ChildProcess, spawn } from 'node:child_process';
import { CLI } from '../helpers/serve-process';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

// The built `trayage` as a user runs it, without ssh-agent so only the test's keys are offered.
// Async, so the sshd fixture's log pipe keeps draining while the command runs.
// `as` runs it as another user (the test must run as root to ask for that).
export function startCli(args: string[], as?: { uid: number; gid: number }): { proc: ChildProcess; result: Promise<CliResult> } {
  const env = { ...process.env };
  delete env.SSH_AUTH_SOCK;
  const proc = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const result = new Promise<CliResult>((resolve, reject) => {
    proc.once('error', reject);
    proc.once('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { proc, result };
}

export function cli(...args: string[]): Promise<CliResult> {
  return startCli(args).result;
}
