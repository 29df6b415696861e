import { execFile } from 'node:child_process';

export class ProgramError extends Error {
  constructor(
    message: string,
    readonly missing: boolean,
  ) {
    super(message);
  }
}

/** Runs a program with an argument array (no shell) and resolves with its standard output. */
export function runProgram(program: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(program, args, { env, timeout: timeoutMs, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new ProgramError(`${program} is not installed (not found on PATH)`, true));
      const said = stderr.trim().split('\n').slice(-2).join(' ').trim();
      const how = err.killed ? `was stopped after ${timeoutMs / 1000} s` : `exited with ${code ?? err.signal}`;
      reject(new ProgramError(`${program} ${how}${said ? `: ${said}` : ''}`, false));
    });
  });
}
