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

// Starts the real built `trayage serve` and waits for the URL it prints.
export function startServe(dataDir: string, extraArgs: string[] = []): Promise<ServeProcess> {
  const proc = spawn(process.execPath, [CLI, 'serve', '--data-dir', dataDir, '--port', '0', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 10 s:\n${output}`)), 10_000);
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
