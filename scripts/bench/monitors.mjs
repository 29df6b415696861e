// 1,000 HTTP monitors through a real `trayage serve --config`, against a loopback server in another
// process: CPU of the engine's whole process tree, RSS through the window, checks counted at the target,
// scheduling lateness, what became of the notices, and the database after 30 days, both projected from
// the growth measured here and simulated by writing the history directly.
//
// Then the outage → notice run of monitors-outage.mjs, so one run prints every figure README quotes.
//
// `npm run bench -- monitors` measures windows of 120 s after a warm-up; `--window=SECONDS` changes that
// (at least 120 for figures worth quoting), `--quick` is a smoke run of 20 s windows whose figures are not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchOptions } from './bench-options.mjs';
import { busCounts } from './bus-notices.mjs';
import { fillHistory } from './monitors-history.mjs';
import { benchMonitorsOutage } from './monitors-outage.mjs';
import { startEndpoints } from './monitor-endpoints.mjs';
import { startDesktopSession } from './desktop-session.mjs';
import { fileBytes, historyRows, outboxOutcome, usedBytes } from './outbox.mjs';
import { sampleRss, treeCpu } from './proc-tree.mjs';
import { percentile } from './proc-stats.mjs';
import { commit, loadAverage, machine } from './run-context.mjs';
import { rpcClient, startServe, stopServe } from './serve-process.mjs';

// During each window FLIPPING monitors fail for its middle third, as a real outage would, so notice
// delivery is part of the measured cost without dominating it.
const FLIPPING = 20;
const HOUR = 3_600_000;
// The default retention (main/engine/monitors/retention.ts), in hours.
const RETENTION = { raw: 24, minute: 48, hour: 35 * 24, day: 400 * 24 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MiB = 2 ** 20;

function configText(port, count, interval, extra = '') {
  const lines = ['monitors:'];
  for (let i = 0; i < count; i++) {
    lines.push(`  - name: m${String(i).padStart(4, '0')}`, `    url: http://127.0.0.1:${port}/${i < FLIPPING ? 'flip' : 'm'}/${i}`, `    interval: ${interval}`);
    if (extra) lines.push(`    ${extra}`);
  }
  return `${lines.join('\n')}\n`;
}

async function waitForReload(rpc, after) {
  for (let i = 0; i < 300; i++) {
    const { result } = await rpc.call('monitors.list');
    if (result.config.loadedAt > after) return;
    await sleep(100);
  }
  throw new Error('the engine did not reload the monitors file within 30 s');
}

/** One steady window; FLIPPING monitors go down in its middle third and recover. */
async function measure({ proc, rpc, endpoints, dataDir, seconds }) {
  await rpc.call('monitors.stats', { reset: true });
  const startedAt = Date.now();
  const rows0 = historyRows(dataDir);
  const bytes0 = usedBytes(dataDir);
  const requests0 = await endpoints.count();
  const wall0 = Date.now();
  const cpu0 = treeCpu(proc.pid);
  const t0 = performance.now();
  const rss = sampleRss(proc.pid);
  await sleep((seconds * 1000) / 3);
  endpoints.setFailing(FLIPPING);
  await sleep((seconds * 1000) / 3);
  endpoints.setFailing(0);
  await sleep((seconds * 1000) / 3);
  const cpu1 = treeCpu(proc.pid);
  const requests1 = await endpoints.count();
  const perSecond = (await endpoints.perSecond(wall0, Date.now())).sort((a, b) => a - b);
  const elapsed = (performance.now() - t0) / 1000;
  const memory = rss();
  const { result: stats } = await rpc.call('monitors.stats');
  return {
    seconds: elapsed,
    treeCpu: ((cpu1.tree - cpu0.tree) / elapsed) * 100,
    engineCpu: ((cpu1.self - cpu0.self) / elapsed) * 100,
    rss: memory,
    checksPerSecond: (requests1 - requests0) / elapsed,
    perSecond,
    stats,
    notices: outboxOutcome(dataDir, startedAt),
    growth: { rows0, rows1: historyRows(dataDir), bytesPerHour: ((usedBytes(dataDir) - bytes0) / elapsed) * 3600, hours: elapsed / 3600 },
  };
}

/**
 * Thirty days under the default retention from what this window wrote: results and minute buckets
 * at their measured rates and sizes, scaled so together they match the measured growth of the file,
 * kept 24 h and 48 h; hour and day buckets (one per monitor per hour or day) at the bucket size.
 */
function projectThirtyDays({ rows0, rows1, bytesPerHour, hours }, monitors) {
  const resultsPerHour = (rows1.results - rows0.results) / hours;
  const minutesPerHour = ((rows1.buckets[60_000] ?? 0) - (rows0.buckets[60_000] ?? 0)) / hours;
  const modelled = resultsPerHour * rows1.bytesPerResult + minutesPerHour * rows1.bytesPerBucket;
  const scale = modelled > 0 ? bytesPerHour / modelled : 1;
  const raw = resultsPerHour * rows1.bytesPerResult * scale * RETENTION.raw;
  const minute = minutesPerHour * rows1.bytesPerBucket * scale * RETENTION.minute;
  const slow = monitors * (30 * 24 + 30) * rows1.bytesPerBucket;
  return raw + minute + slow;
}

const lateness = (s) => `${s.lateness.p50.toFixed(0)} / ${s.lateness.p99.toFixed(0)} / ${s.lateness.max.toFixed(0)}`;

function report(out, label, w, count, intervalS) {
  out[`${label}: CPU, whole process tree (% of one core)`] = w.treeCpu.toFixed(2);
  out[`${label}: CPU, engine process alone (% of one core)`] = w.engineCpu.toFixed(2);
  out[`${label}: RSS min / max (MB, ${w.rss.samples} samples)`] = `${w.rss.min.toFixed(1)} / ${w.rss.max.toFixed(1)}`;
  out[`${label}: checks per second at the target (expected ${(count / intervalS).toFixed(0)})`] = w.checksPerSecond.toFixed(1);
  out[`${label}: checks at the target in each second: min / p50 / max`] = `${w.perSecond[0]} / ${percentile(w.perSecond, 50)} / ${w.perSecond[w.perSecond.length - 1]}`;
  out[`${label}: scheduling lateness p50 / p99 / max (ms)`] = lateness(w.stats);
  out[`${label}: notices raised in the window`] = w.notices;
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

export async function benchMonitors({ count = 1000 } = {}) {
  const { quick, window, warmup, skipOutage } = benchOptions();
  const out = {};
  out['commit'] = commit();
  out['machine'] = machine();
  out['load average 1 / 5 / 15 min at start'] = loadAverage();
  if (quick) out['NOTE'] = `quick run (${window} s windows): smoke test only, not figures for README`;
  else if (window < 120) out['NOTE'] = `${window} s windows: shorter than the 120 s that README figures need`;
  out['window'] = `${window} s each, after a ${warmup} s warm-up; monitors m0000–m${String(FLIPPING - 1).padStart(4, '0')} fail in the middle third`;

  const endpoints = await startEndpoints();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-monitors-'));
  const desktop = await startDesktopSession();
  out['notifications'] = 'real path: Notify calls on one kept-open connection → private D-Bus session bus → dunst on Xvfb (dunst and Xvfb are not in the measured tree)';
  const config = path.join(dataDir, 'bench-monitors.yaml');
  let at20;
  try {
    fs.writeFileSync(config, configText(endpoints.port, count, '20s'));
    const serve = await startServe(dataDir, ['--config', config]);
    const rpc = await rpcClient(serve.port, serve.token);
    const ctx = { proc: serve.proc, rpc, endpoints, dataDir, seconds: window };
    await sleep(warmup * 1000);
    at20 = await measure(ctx);
    report(out, 'every 20 s', at20, count, 20);

    const before = Date.now();
    fs.writeFileSync(config, configText(endpoints.port, count, '10s'));
    await waitForReload(rpc, before);
    // Every monitor changed, so all start again spread over 5 s; then a warm-up of their own.
    await sleep(warmup * 1000);
    const at10 = await measure(ctx);
    report(out, 'every 10 s', at10, count, 10);
    const calls = busCounts(desktop.notices());
    out['Notify calls that reached the bus (whole run): alone / summaries (notices they stand for)'] = `${calls.alone} / ${calls.summaries} (${calls.summarized})`;
    rpc.close();
    await stopServe(serve.proc);
    out['database files after the run (MB, db + WAL)'] = (fileBytes(dataDir) / MiB).toFixed(1);
  } finally {
    await desktop.stop();
    await endpoints.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  out['history: growth measured in the 20 s window (MiB/h)'] = (at20.growth.bytesPerHour / MiB).toFixed(2);
  out['history: 30 days, projected from that growth and the default retention (MiB)'] = (projectThirtyDays(at20.growth, count) / MiB).toFixed(0);

  // Simulated: the monitors exist (paused, so nothing else writes), then 30 days of their history are written directly.
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
    out['history: 30 days simulated (written directly), written in (s)'] = ((performance.now() - t) / 1000).toFixed(1);
    out['history: 30 days simulated, database size (MiB)'] = (fs.statSync(file).size / MiB).toFixed(0);
    const query = await uptimeQuery(historyDir, historyConfig);
    out[`history: 90-day uptime of all ${query.monitors} monitors, RPC round trip (ms)`] = query.ms.toFixed(1);
  } finally {
    fs.rmSync(historyDir, { recursive: true, force: true });
  }
  out['simulated figures'] = 'only the "30 days simulated" lines and the 90-day uptime query (run on the simulated history)';
  if (skipOutage) out['outage'] = 'skipped (--skip-outage); run without it for the figures README quotes';
  else for (const [key, value] of Object.entries(await benchMonitorsOutage({ context: false }))) out[`outage: ${key}`] = value;
  out['load average 1 / 5 / 15 min at end'] = loadAverage();
  return out;
}
