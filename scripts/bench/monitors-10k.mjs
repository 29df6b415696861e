// 10,000 HTTP monitors every 60 s (167 checks/s) through a real `trayage serve --config`, against the
// loopback server of monitors-server.mjs in another process: CPU of the engine's whole process tree,
// RSS sampled through the window, checks counted at the target, scheduling lateness; then the
// Monitors window with all 10,000 in Chromium and what monitors.list sends for them; then that window
// left open for one interval (it lists only the monitors changed since its last list).
//
// The window's first screen is timed inside the page (first-screen.mjs): navigation start → end of the
// first frame with monitor rows; the harness's figure (page.goto → a row found) is printed beside it.
// Before each load the previous page is left to settle (no RPC call outstanding): its request for all
// 10,000 monitors (3.8 MB, ~180 ms of the engine's main thread) would otherwise still be served while
// the next page asks for its first screen, and that load would measure the previous one's leftovers.
// The first load, which fetches and compiles the page's scripts, is printed apart from the measured ones.
//
// `npm run bench -- monitors-10k` measures a 120 s window after a warm-up of one interval;
// `--window=SECONDS` changes the window, `--quick` is a smoke run whose figures are not for README.
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchOptions } from './bench-options.mjs';
import { loadFirstScreen, waitSettled, watchPage } from './first-screen.mjs';
import { startEndpoints } from './monitor-endpoints.mjs';
import { sampleRss, treeCpu } from './proc-tree.mjs';
import { percentile } from './proc-stats.mjs';
import { commit, loadAverage, machine } from './run-context.mjs';
import { rpcClient, startServe, stopServe } from './serve-process.mjs';

const COUNT = 10_000;
const INTERVAL_S = 60;
// First screens are loaded this many times: one load on a shared machine says little.
const LOADS = 9;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// The first monitor's row (the spacer rows around the rows in view hold no monitor).
const MONITOR_ROWS = { name: 'Monitors window', selector: 'table.monitor-list tbody tr:not(.spacer)' };

function configText(port) {
  const lines = ['monitors:'];
  for (let i = 0; i < COUNT; i++) lines.push(`  - {name: m${String(i).padStart(5, '0')}, url: "http://127.0.0.1:${port}/m/${i}", interval: ${INTERVAL_S}s}`);
  return `${lines.join('\n')}\n`;
}

const spread = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(0)} (${sorted[0].toFixed(0)}–${sorted.at(-1).toFixed(0)})`;
};

// Long tasks of the page's main thread (each over 50 ms blocks keys that long), kept from page start.
function watchLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * The window left open for one interval after its first screen: what keeping it fresh costs the
 * engine (CPU of its whole tree) and the page (long tasks), and what monitors.list sent it.
 */
async function leftOpen(page, pid) {
  const received = { calls: 0, bytes: 0 };
  const asked = new Set();
  page.on('websocket', (ws) => {
    ws.on('framesent', ({ payload }) => {
      const call = JSON.parse(String(payload));
      if (call.method === 'monitors.list') asked.add(call.id);
    });
    ws.on('framereceived', ({ payload }) => {
      const text = String(payload);
      if (!asked.has(JSON.parse(text).id)) return;
      received.calls += 1;
      received.bytes += text.length;
    });
  });
  await page.goto(`${page.url().split('#')[0]}&t=open#/monitors`);
  await page.locator(MONITOR_ROWS.selector).first().waitFor();
  await sleep(10_000);
  const from = await page.evaluate(() => performance.now());
  const counted = { ...received };
  const cpu0 = treeCpu(pid);
  const t0 = performance.now();
  await sleep(INTERVAL_S * 1000);
  const cpu1 = treeCpu(pid);
  const seconds = (performance.now() - t0) / 1000;
  const tasks = (await page.evaluate(() => window.__longTasks)).filter(([start]) => start >= from).map(([, duration]) => duration);
  return {
    seconds,
    cpu: ((cpu1.tree - cpu0.tree) / seconds) * 100,
    tasks,
    calls: received.calls - counted.calls,
    bytes: received.bytes - counted.bytes,
  };
}

async function firstScreens(url, pid) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await watchPage(page);
    await page.addInitScript(watchLongTasks);
    // The first load fetches and compiles the scripts; the measured ones find them kept, as a window opened again does.
    const cold = await loadFirstScreen(page, `${url}&t=monitors-cold#/monitors`, MONITOR_ROWS);
    const inPage = [];
    const harness = [];
    const settle = [];
    for (let i = 0; i < LOADS; i++) {
      settle.push(await waitSettled(page));
      const times = await loadFirstScreen(page, `${url}&t=monitors${i}#/monitors`, MONITOR_ROWS);
      inPage.push(times.inPage);
      harness.push(times.harness);
    }
    const domRows = await page.locator('table.monitor-list tbody tr:not(.spacer)').count();
    // The keyboard reaches a row far below the first screen.
    await page.getByRole('row').nth(1).focus();
    await page.keyboard.press('End');
    // Pressed before the whole list has arrived, End moves to the last row once it has.
    const last = String(COUNT - 1);
    await page.waitForFunction((index) => document.activeElement?.getAttribute('data-index') === index, last, { timeout: 10_000 }).catch(() => undefined);
    const lastFocused = await page.evaluate(() => document.activeElement?.getAttribute('data-index'));
    const open = await leftOpen(page, pid);
    return { cold, inPage, harness, settle, domRows, lastFocused, open };
  } finally {
    await browser.close();
  }
}

export async function benchMonitors10k() {
  const { quick, window } = benchOptions();
  const warmup = quick ? 10 : INTERVAL_S + 10;
  const out = { commit: commit(), machine: machine(), 'load average 1 / 5 / 15 min before the run': loadAverage() };
  if (quick) out['NOTE'] = `quick run (${window} s window): smoke test only, not figures for README`;
  else if (window < 120) out['NOTE'] = `${window} s window: shorter than the 120 s that README figures need`;
  out['window'] = `${window} s after a ${warmup} s warm-up${quick ? ' (shorter than the interval: not every monitor has started)' : ' (every monitor checked at least once before it)'}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-10k-'));
  const endpoints = await startEndpoints();
  try {
    const config = path.join(dir, 'monitors.yaml');
    fs.writeFileSync(config, configText(endpoints.port));
    const started = performance.now();
    const serve = await startServe(path.join(dir, 'data'), ['--config', config]);
    const rpc = await rpcClient(serve.port, serve.token);
    try {
      const first = await rpc.call('monitors.list');
      out['spawn → first RPC answered (ms)'] = (performance.now() - started).toFixed(0);
      if (first.result.config.monitors !== COUNT) throw new Error(`expected ${COUNT} monitors, the engine loaded ${first.result.config.monitors}`);
      await sleep(warmup * 1000);

      await rpc.call('monitors.stats', { reset: true });
      const requests0 = await endpoints.count();
      const wall0 = Date.now();
      const cpu0 = treeCpu(serve.proc.pid);
      const t0 = performance.now();
      const rss = sampleRss(serve.proc.pid);
      await sleep(window * 1000);
      const cpu1 = treeCpu(serve.proc.pid);
      const requests1 = await endpoints.count();
      const elapsed = (performance.now() - t0) / 1000;
      const memory = rss();
      const { result: stats } = await rpc.call('monitors.stats');
      out['CPU, whole process tree (% of one core)'] = (((cpu1.tree - cpu0.tree) / elapsed) * 100).toFixed(2);
      out['CPU, engine process alone (% of one core)'] = (((cpu1.self - cpu0.self) / elapsed) * 100).toFixed(2);
      out[`RSS min / max (MB, ${memory.samples} samples)`] = `${memory.min.toFixed(1)} / ${memory.max.toFixed(1)}`;
      out[`checks per second at the target (expected ${(COUNT / INTERVAL_S).toFixed(0)})`] = ((requests1 - requests0) / elapsed).toFixed(1);
      out['scheduling lateness p50 / p99 / max (ms)'] = `${stats.lateness.p50.toFixed(0)} / ${stats.lateness.p99.toFixed(0)} / ${stats.lateness.max.toFixed(0)}`;
      const seconds = (await endpoints.perSecond(wall0, Date.now())).sort((a, b) => a - b);
      out[`checks at the target in each second of the window: min / p50 / max (${seconds.length} s)`] = `${seconds[0]} / ${percentile(seconds, 50)} / ${seconds[seconds.length - 1]}`;

      // As the Monitors window asks: the first screen's rows, the list without sparklines, then the sparklines of the rows in view.
      const ids = first.result.monitors.slice(0, 30).map((m) => m.id);
      for (const [label, method, params] of [
        ['monitors.list of the 60 most urgent, the window\'s first screen', 'monitors.list', { sparklines: false, first: 60 }],
        ['monitors.list of 10,000 monitors, as the window asks (no sparklines)', 'monitors.list', { sparklines: false }],
        ['monitors.list of 10,000 monitors with every sparkline', 'monitors.list', {}],
        ['monitors.sparklines of 30 rows in view', 'monitors.sparklines', { ids }],
      ]) {
        const times = [];
        let bytes = 0;
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          const reply = await rpc.call(method, params);
          times.push(performance.now() - t);
          if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
          bytes = JSON.stringify(reply).length;
        }
        out[`${label}: size (MB)`] = (bytes / 2 ** 20).toFixed(2);
        out[`${label}, 5 calls: p50 (min–max) (ms)`] = spread(times);
      }

      const screens = await firstScreens(serve.url, serve.proc.pid);
      out[`Monitors window first screen, navigation start → first frame with rows, in the page, ${LOADS} loads: p50 (min–max) (ms)`] = spread(screens.inPage);
      out[`Monitors window first screen as the harness sees it (goto → row found), ${LOADS} loads: p50 (min–max) (ms)`] = spread(screens.harness);
      out['wait before each load until the previous page had no RPC call outstanding: p50 (min–max) (ms)'] = spread(screens.settle);
      out['Monitors window first load, scripts not yet kept by the browser: in the page / as the harness sees it (ms)'] = `${screens.cold.inPage.toFixed(0)} / ${screens.cold.harness.toFixed(0)}`;
      out['monitor rows in the DOM (virtualised)'] = screens.domRows;
      out['End key from the first row focuses row (index, within 10 s)'] = `${screens.lastFocused} of ${COUNT - 1}`;
      const { open } = screens;
      const longest = open.tasks.length ? Math.max(...open.tasks) : 0;
      out[`window left open ${open.seconds.toFixed(0)} s: CPU, whole process tree (% of one core; without a window above)`] = open.cpu.toFixed(2);
      out['window left open: long tasks in the page: count / total / longest (ms)'] = `${open.tasks.length} / ${open.tasks.reduce((a, b) => a + b, 0).toFixed(0)} / ${longest.toFixed(0)}`;
      out['window left open: monitors.list replies / MB received'] = `${open.calls} / ${(open.bytes / 2 ** 20).toFixed(2)}`;
    } finally {
      rpc.close();
      await stopServe(serve.proc);
    }
  } finally {
    await endpoints.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  out['load average 1 / 5 / 15 min at the end'] = loadAverage();
  return out;
}
