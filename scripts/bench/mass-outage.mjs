// Many monitors going down at once, as when a shared dependency fails: 2,000 HTTP monitors every 20 s
// with default settings through a real `trayage serve --config`, all switched to failing together.
// Printed: CPU of the engine's whole process tree over the 40 s after the switch, the monitors DOWN
// at its end, what one connected window received (tray.changed events and their bytes, as every
// window receives them) and what became of the notices (real D-Bus session, as in the monitors suite):
// how many Notify calls, alone or summaries, and how long until every DOWN notice was delivered.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { benchOptions } from './bench-options.mjs';
import { busCounts } from './bus-notices.mjs';
import { startDesktopSession } from './desktop-session.mjs';
import { startEndpoints } from './monitor-endpoints.mjs';
import { outboxOutcome, sentTimes } from './outbox.mjs';
import { treeCpu } from './proc-tree.mjs';
import { commit, loadAverage, machine } from './run-context.mjs';
import { rpcClient, startServe, stopServe } from './serve-process.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const AFTER_S = 40;

function configText(port, count) {
  const lines = ['monitors:'];
  for (let i = 0; i < count; i++) lines.push(`  - {name: m${String(i).padStart(4, '0')}, url: "http://127.0.0.1:${port}/flip/${i}", interval: 20s}`);
  return `${lines.join('\n')}\n`;
}

/** Counts the tray events a window connected to the engine receives. */
async function watchEvents(port, token) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc?token=${token}`);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const seen = { events: 0, bytes: 0 };
  ws.on('message', (data) => {
    const text = data.toString();
    if (JSON.parse(text).event !== 'tray.changed') return;
    seen.events += 1;
    seen.bytes += text.length;
  });
  return { seen, close: () => ws.close() };
}

export async function benchMassOutage() {
  const { quick } = benchOptions();
  const count = quick ? 200 : 2_000;
  const out = { commit: commit(), machine: machine(), 'load average 1 / 5 / 15 min at start': loadAverage() };
  if (quick) out['NOTE'] = 'quick run (200 monitors): smoke test only, not figures for README';
  out['set-up'] = `${count} HTTP monitors every 20 s, default settings (failure-threshold 2, retry-interval 5 s), all switched to 503 at once after a 25 s warm-up; figures over the ${AFTER_S} s after the switch`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-mass-'));
  const endpoints = await startEndpoints();
  const desktop = await startDesktopSession();
  try {
    const config = path.join(dataDir, 'monitors.yaml');
    fs.writeFileSync(config, configText(endpoints.port, count));
    const serve = await startServe(path.join(dataDir, 'data'), ['--config', config]);
    const rpc = await rpcClient(serve.port, serve.token);
    const window = await watchEvents(serve.port, serve.token);
    try {
      await sleep(25_000);
      const before = { ...window.seen };
      const switchedAt = Date.now();
      const cpu0 = treeCpu(serve.proc.pid);
      const t0 = performance.now();
      endpoints.setFailing(count);
      await sleep(AFTER_S * 1000);
      const cpu1 = treeCpu(serve.proc.pid);
      const seconds = (performance.now() - t0) / 1000;
      const { result } = await rpc.call('monitors.list', { sparklines: false, first: 1 });
      out['CPU, whole process tree: seconds / % of one core'] = `${(cpu1.tree - cpu0.tree).toFixed(2)} / ${(((cpu1.tree - cpu0.tree) / seconds) * 100).toFixed(1)}`;
      out['monitors DOWN at the end (should be all)'] = `${result.down} of ${result.total}`;
      out['tray.changed events one window received / MB'] = `${window.seen.events - before.events} / ${((window.seen.bytes - before.bytes) / 2 ** 20).toFixed(1)}`;
      out['notices raised after the switch'] = outboxOutcome(path.join(dataDir, 'data'), switchedAt);
      const calls = desktop.notices().filter((call) => call.at >= switchedAt);
      const counts = busCounts(calls);
      out['Notify calls that reached the bus: alone / summaries (notices they stand for)'] = `${counts.alone} / ${counts.summaries} (${counts.summarized})`;
      const downSent = sentTimes(path.join(dataDir, 'data')).filter((row) => / is down/.test(row.title) && row.at >= switchedAt);
      const lastSent = downSent.reduce((latest, row) => Math.max(latest, row.at), switchedAt);
      out['switch → first Notify on the bus / → every DOWN notice delivered, alone or in a summary (s)'] = calls.length
        ? `${((calls[0].at - switchedAt) / 1000).toFixed(1)} / ${downSent.length === count ? ((lastSent - switchedAt) / 1000).toFixed(1) : `not within ${AFTER_S} s (${downSent.length} of ${count})`}`
        : 'none';
    } finally {
      window.close();
      rpc.close();
      await stopServe(serve.proc);
    }
  } finally {
    await desktop.stop();
    await endpoints.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  out['load average 1 / 5 / 15 min at end'] = loadAverage();
  return out;
}
