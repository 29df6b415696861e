// 1,000 HTTP monitors through a real `trayage serve --config`, against a loopback server in another
// process: engine CPU and RSS, scheduling lateness, failing result → notification dispatch, then the
// database after a simulated 30 days and the 90-day uptime query over every monitor.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillHistory } from './monitors-history.mjs';
import { cpuSeconds, percentile, rssMegabytes } from './proc-stats.mjs';
import { rpcClient, startServe, stopServe } from './serve-process.mjs';

// The first FLIPPING monitors can be made to fail; during the CPU phases only FLIPPING_QUIET of them do,
// as a real outage would, so notification delivery is part of the measured cost but does not dominate it.
const FLIPPING = 100;
const FLIPPING_QUIET = 20;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function configText(port, count, interval, extra = '') {
  const lines = ['monitors:'];
  for (let i = 0; i < count; i++) {
    const flip = i < FLIPPING;
    lines.push(`  - name: m${String(i).padStart(4, '0')}`, `    url: http://127.0.0.1:${port}/${flip ? 'flip' : 'm'}/${i}`, `    interval: ${interval}`);
    // The flipping ones decide on their first failure, so dispatch latency is measured from that result.
    if (flip) lines.push('    failure-threshold: 1');
    if (extra) lines.push(`    ${extra}`);
  }
  return `${lines.join('\n')}\n`;
}

async function startEndpoints() {
  const child = fork(path.join(import.meta.dirname, 'monitors-server.mjs'), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return { child, port, setFailing: (count) => child.send({ failing: count }), stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

async function waitForReload(rpc, after) {
  for (let i = 0; i < 100; i++) {
    const { result } = await rpc.call('monitors.list');
    if (result.config.loadedAt > after) return;
    await sleep(100);
  }
  throw new Error('the engine did not reload the monitors file');
}

/** Measures one steady phase; `failing` monitors go down and recover in the middle of it. */
async function measure(proc, rpc, endpoints, seconds, failing) {
  await rpc.call('monitors.stats', { reset: true });
  const cpu0 = cpuSeconds(proc.pid);
  const t0 = performance.now();
  await sleep((seconds * 1000) / 3);
  endpoints.setFailing(failing);
  await sleep((seconds * 1000) / 3);
  endpoints.setFailing(0);
  await sleep((seconds * 1000) / 3);
  const cpu = ((cpuSeconds(proc.pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
  const { result: stats } = await rpc.call('monitors.stats');
  return { cpu, rss: rssMegabytes(proc.pid), stats };
}

function lateness(stats) {
  return `${stats.lateness.p50.toFixed(0)} / ${stats.lateness.p99.toFixed(0)} / ${stats.lateness.max.toFixed(0)}`;
}

async function uptimeQuery(dataDir, config) {
  const serve = await startServe(dataDir, ['--config', config]);
  const rpc = await rpcClient(serve.port, serve.token);
  const times = [];
  let monitors = 0;
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const { result } = await rpc.call('monitors.uptime', { window: '90d' });
    times.push(performance.now() - t);
    monitors = result.filter((m) => m.count > 0).length;
  }
  rpc.close();
  await stopServe(serve.proc);
  return { ms: percentile(times.slice(1).sort((a, b) => a - b), 50), monitors };
}

export async function benchMonitors({ count = 1000, seconds20 = 60, seconds10 = 45 } = {}) {
  const out = {};
  const endpoints = await startEndpoints();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-monitors-'));
  const config = path.join(dataDir, 'bench-monitors.yaml');
  try {
    fs.writeFileSync(config, configText(endpoints.port, count, '20s'));
    const serve = await startServe(dataDir, ['--config', config]);
    const rpc = await rpcClient(serve.port, serve.token);
    // The first round starts spread over 5 s; then steady state.
    await sleep(25_000);
    const at20 = await measure(serve.proc, rpc, endpoints, seconds20, FLIPPING_QUIET);
    out[`every 20 s: engine CPU (% of one core, ${seconds20} s)`] = at20.cpu.toFixed(2);
    out['every 20 s: engine RSS (MB)'] = at20.rss.toFixed(1);
    out['every 20 s: scheduling lateness p50 / p99 / max (ms)'] = lateness(at20.stats);
    out['every 20 s: checks run'] = at20.stats.runs;

    const before = Date.now();
    fs.writeFileSync(config, configText(endpoints.port, count, '10s'));
    await waitForReload(rpc, before);
    await sleep(15_000);
    const at10 = await measure(serve.proc, rpc, endpoints, seconds10, FLIPPING_QUIET);
    out[`every 10 s: engine CPU (% of one core, ${seconds10} s)`] = at10.cpu.toFixed(2);
    out['every 10 s: engine RSS (MB)'] = at10.rss.toFixed(1);
    out['every 10 s: scheduling lateness p50 / p99 / max (ms)'] = lateness(at10.stats);

    // Enough outages for a real p99: 100 monitors go down and come back, 200 notices.
    const burst = await measure(serve.proc, rpc, endpoints, 36, FLIPPING);
    const { decided, dispatch } = burst.stats;
    out[`failing result → notice in the outbox p50 / p99 (ms, ${decided.count})`] = `${decided.p50} / ${decided.p99}`;
    out[`failing result → native delivery started p50 / p99 (ms, ${dispatch.count})`] = `${dispatch.p50} / ${dispatch.p99}`;
    rpc.close();
    await stopServe(serve.proc);
  } finally {
    await endpoints.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }

  // 30 days of history: the monitors exist (paused, so nothing else writes), then their history is filled in.
  const historyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-history-'));
  try {
    const historyConfig = path.join(historyDir, 'bench-monitors.yaml');
    fs.writeFileSync(historyConfig, configText(9, count, '20s', 'paused: true'));
    const first = await startServe(historyDir, ['--config', historyConfig]);
    await stopServe(first.proc);
    const file = path.join(historyDir, 'trayage.db');
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(file, { readonly: true });
    const monitorIds = db.prepare('SELECT id FROM monitors').pluck().all();
    db.close();
    const t = performance.now();
    fillHistory(file, { monitorIds, now: Date.now() });
    out['history: 30 days for 1,000 monitors written in (s)'] = ((performance.now() - t) / 1000).toFixed(1);
    out['history: database size (MB)'] = (fs.statSync(file).size / 2 ** 20).toFixed(1);
    const query = await uptimeQuery(historyDir, historyConfig);
    out[`history: 90-day uptime of all ${query.monitors} monitors, RPC round trip (ms)`] = query.ms.toFixed(1);
  } finally {
    fs.rmSync(historyDir, { recursive: true, force: true });
  }
  return out;
}
