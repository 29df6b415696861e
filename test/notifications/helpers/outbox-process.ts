import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export interface OutboxProcess {
  pid: number;
  // Stops delivery, closes the database and reports the outbox errors the process saw.
  stop(): Promise<string[]>;
}

/** Bundles the child engine once per test file; native modules load from the project's node_modules. */
export async function bundleOutboxChild(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'outbox-child.cjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'outbox-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'node-notifier'],
    logLevel: 'warning',
  });
  return outfile;
}

export async function startOutboxProcess(script: string, dbFile: string, log: string): Promise<OutboxProcess> {
  const proc: ChildProcess = fork(script, [dbFile, log], {
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  proc.stderr!.on('data', (chunk) => (stderr += chunk));
  const messages: unknown[] = [];
  const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    proc.on('message', (message) => {
      messages.push(message);
      if (message === 'ready') resolve();
    });
    void exited.then((code) => reject(new Error(`the delivering engine process exited with ${code} before it was ready:\n${stderr}`)));
  });
  return {
    pid: proc.pid!,
    async stop() {
      proc.send('stop');
      const code = await exited;
      const report = messages.find((m): m is { errors: string[] } => typeof m === 'object' && m !== null && 'errors' in m);
      if (code !== 0 || stderr || !report) throw new Error(`the delivering engine process ${proc.pid} exited with ${code}:\n${stderr}`);
      return report.errors;
    },
  };
}
