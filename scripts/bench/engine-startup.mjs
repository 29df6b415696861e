// Engine cold start (process spawn → serving, fresh and with an existing database) and idle cost.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuSeconds, percentile, rssMegabytes } from './proc-stats.mjs';

const cli = path.resolve(import.meta.dirname, '../../dist/cli.cjs');

function startServe(dataDir) {
  const started = process.hrtime.bigint();
  const proc = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      if (/Open http/.test(out)) resolve({ proc, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
}

const stop = (proc) => new Promise((resolve) => { proc.once('exit', resolve); proc.kill('SIGTERM'); });

export async function benchEngineStartup({ runs = 5, idleSeconds = 10 } = {}) {
  const fresh = [];
  const existing = [];
  for (let i = 0; i < runs; i++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-'));
    const first = await startServe(dir);
    fresh.push(first.ms);
    await stop(first.proc);
    const second = await startServe(dir);
    existing.push(second.ms);
    await stop(second.proc);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-'));
  const { proc } = await startServe(dir);
  await new Promise((r) => setTimeout(r, 2000));
  const cpu0 = cpuSeconds(proc.pid);
  await new Promise((r) => setTimeout(r, idleSeconds * 1000));
  const idleCpuPercent = ((cpuSeconds(proc.pid) - cpu0) / idleSeconds) * 100;
  const idleRssMb = rssMegabytes(proc.pid);
  await stop(proc);
  fs.rmSync(dir, { recursive: true, force: true });
  const med = (xs) => percentile([...xs].sort((a, b) => a - b), 50);
  return {
    'cold start, new database (median of runs, ms)': med(fresh).toFixed(0),
    'cold start, existing database (median, ms)': med(existing).toFixed(0),
    [`idle CPU over ${idleSeconds} s (% of one core)`]: idleCpuPercent.toFixed(2),
    'idle RSS (MB)': idleRssMb.toFixed(1),
  };
}
