// A monitors file of 100,000 entries through a real `trayage serve --config`: how long until the
// engine answers RPC, and its memory. The monitors point at a closed loopback port and are paused,
// so the figure is the cost of loading, storing and scheduling them rather than of running checks.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { cpuSeconds, rssMegabytes } from './proc-stats.mjs';
import { commit, loadAverage, machine } from './run-context.mjs';
import { rpcClient, startServe, stopServe } from './serve-process.mjs';

async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// One line per monitor sharing the URL through an anchor, so 100,000 fit within the 5 MB limit.
function configText(count, port) {
  const lines = ['monitors:'];
  for (let i = 0; i < count; i++) lines.push(`- {name: m${i}, url: ${i === 0 ? `&u tcp://127.0.0.1:${port}` : '*u'}, paused: true}`);
  return `${lines.join('\n')}\n`;
}

/** Spawn → first RPC answered with every monitor loaded; a second start reuses the database. */
async function startOnce(dataDir, config, count) {
  const started = performance.now();
  const serve = await startServe(dataDir, ['--config', config]);
  try {
    const rpc = await rpcClient(serve.port, serve.token);
    const { result } = await rpc.call('monitors.list');
    const firstRpcMs = performance.now() - started;
    // On a busy machine the wall time includes waiting for a core; the CPU time does not.
    const cpu = cpuSeconds(serve.proc.pid);
    if (result.config.monitors !== count) throw new Error(`expected ${count} monitors, the engine loaded ${result.config.monitors}: ${JSON.stringify(result.config.issues.slice(0, 3))}`);
    const t = performance.now();
    await rpc.call('monitors.list');
    const listMs = performance.now() - t;
    const rss = rssMegabytes(serve.proc.pid);
    rpc.close();
    return { firstRpcMs, cpu, listMs, rss };
  } finally {
    await stopServe(serve.proc);
  }
}

export async function benchMonitorsScale({ count = 100_000 } = {}) {
  const context = { commit: commit(), machine: machine(), load: loadAverage() };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-scale-'));
  try {
    const config = path.join(dir, 'monitors.yaml');
    fs.writeFileSync(config, configText(count, await closedPort()));
    const dataDir = path.join(dir, 'data');
    const fresh = await startOnce(dataDir, config, count);
    const again = await startOnce(dataDir, config, count);
    return {
      commit: context.commit,
      machine: context.machine,
      'load average 1 / 5 / 15 min before the run': context.load,
      'load average 1 / 5 / 15 min at the end': loadAverage(),
      'monitors file (MB)': (fs.statSync(config).size / 2 ** 20).toFixed(1),
      'spawn → first RPC answered, new database (ms)': fresh.firstRpcMs.toFixed(0),
      'engine CPU time until then, new database (s)': fresh.cpu.toFixed(1),
      'spawn → first RPC answered, existing database (ms)': again.firstRpcMs.toFixed(0),
      'engine CPU time until then, existing database (s)': again.cpu.toFixed(1),
      'monitors.list of every monitor (ms)': again.listMs.toFixed(0),
      'RSS after start (MB)': fresh.rss.toFixed(0),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
