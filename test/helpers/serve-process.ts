import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve(import.meta.dirname, '../../dist/cli.cjs');

export interface ServeProcess {
  proc: ChildProcess;
  url: string;
  port: number;
  token: string;
  output: () => string;
  stop(): Promise<void>;
}

export interface ServeOptions {
  /** 0 (the default) = any free port, so tests running side by side never collide; null = no --port. */
  port?: number | null;
  env?: NodeJS.ProcessEnv;
}

// Starts the real built `trayage serve` and waits for the URL it prints.
export function startServe(dataDir: string, extraArgs: string[] = [], options: ServeOptions = {}): Promise<ServeProcess> {
  const { port = 0, env = process.env } = options;
  const portArgs = port === null ? [] : ['--port', String(port)];
  const proc = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, ...portArgs, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
  });
  let output = '';
  return new Promise((resolve, reject) => {
    // A serve that never said where it listens is stopped, so a failed start leaves nothing running.
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`serve did not start in 30 s:\n${output}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        proc,
        url: match[1],
        port: Number(match[2]),
        token: match[3],
        output: () => output,
        stop: () => stopProcess(proc),
      });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${output}`));
    });
  });
}

export function stopProcess(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill(signal);
  });
}
