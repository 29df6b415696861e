// Engine cold start (process spawn → serving, fresh and with an existing database) and idle cost.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuSeconds, percentile, rssMegabytes } from './proc-stats.mjs';
import { startServe, stopServe as stop } from './serve-process.mjs';

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
