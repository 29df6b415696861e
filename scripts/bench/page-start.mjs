// What a window costs before any data: first screen of the incident log and of the Monitors window on
// an empty data directory, in Debian's Chromium with the scripts kept by the browser (the second and
// later loads). Timed inside the page (first-screen.mjs): navigation start → end of the first frame
// showing the empty window's text; the harness's figure (page.goto → text found) is printed beside it.
// Before each load, every page is left to settle (no RPC call outstanding), so a load does not share
// the engine with the previous one's calls. `--baseline=PATH/dist/cli.cjs` runs another build's `serve`
// beside this one and alternates the loads between the two, so both see the same machine load:
// a paired comparison that survives a busy machine better than two separate runs. Beside the time,
// the CPU the page's main thread spent up to its first screen (Chromium's own counters in thread
// time, so a busy machine does not inflate them): running scripts, and all its tasks (scripts,
// style, layout, parsing).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { loadFirstScreen, waitSettled, watchPage } from './first-screen.mjs';
import { percentile } from './proc-stats.mjs';
import { commit, loadAverage, machine } from './run-context.mjs';

const ROUNDS = 30;
const THIS_BUILD = path.resolve(import.meta.dirname, '../../dist/cli.cjs');

function startServe(cli, dataDir) {
  const proc = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.once('exit', (code) => reject(new Error(`${cli} serve exited ${code}: ${out}`)));
  });
}

const SCREENS = [
  ['incident log', '#/', { name: 'empty incident log', selector: 'p.empty', text: /^No (\w+ )?incidents\.$/ }],
  ['Monitors window', '#/monitors', { name: 'empty Monitors window', selector: 'p.empty', text: /^No monitors yet/ }],
];

const spread = (times) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `${percentile(sorted, 50).toFixed(0)} (${percentile(sorted, 10).toFixed(0)}–${percentile(sorted, 90).toFixed(0)})`;
};

export async function benchPageStart(argv = process.argv.slice(2)) {
  const baseline = argv.find((a) => a.startsWith('--baseline='))?.slice('--baseline='.length);
  const builds = baseline ? { 'this build': THIS_BUILD, baseline: path.resolve(baseline) } : { 'this build': THIS_BUILD };
  const out = { commit: commit(), machine: machine(), 'load average 1 / 5 / 15 min at start': loadAverage() };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const served = [];
  try {
    for (const [name, cli] of Object.entries(builds)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-page-'));
      const serve = await startServe(cli, dir);
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await watchPage(page);
      // The first load fetches and compiles the scripts; the measured ones find them kept.
      await loadFirstScreen(page, serve.url, SCREENS[0][2]);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const cpu = new Map(SCREENS.map(([screen]) => [screen, { script: [], tasks: [] }]));
      const times = () => new Map(SCREENS.map(([screen]) => [screen, []]));
      served.push({ name, serve, page, cdp, cpu, dir, times: times(), harness: times() });
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [screen, hash, shows] of SCREENS) {
        // Alternating which build goes first, so neither always follows the other.
        for (const s of round % 2 ? [...served].reverse() : served) {
          for (const other of served) await waitSettled(other.page);
          const { inPage, harness } = await loadFirstScreen(s.page, `${s.serve.url}&r=${round}${hash}`, shows);
          s.times.get(screen).push(inPage);
          s.harness.get(screen).push(harness);
          // Counted per document, so these are this load's.
          const { metrics } = await s.cdp.send('Performance.getMetrics');
          const metric = (name) => metrics.find((m) => m.name === name).value * 1000;
          s.cpu.get(screen).script.push(metric('ScriptDuration'));
          s.cpu.get(screen).tasks.push(metric('TaskDuration'));
        }
      }
    }
  } finally {
    await browser.close();
    for (const s of served) {
      s.serve.proc.kill();
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  }
  for (const s of served) {
    for (const [screen, times] of s.times) {
      out[`${s.name}: ${screen} first screen, navigation start → first frame with its text, in the page, ${ROUNDS} loads: p50 (p10–p90) (ms)`] = spread(times);
      out[`${s.name}: ${screen} first screen as the harness sees it (goto → text found), ${ROUNDS} loads: p50 (p10–p90) (ms)`] = spread(s.harness.get(screen));
      const { script, tasks } = s.cpu.get(screen);
      const p50 = (values) => percentile([...values].sort((a, b) => a - b), 50).toFixed(0);
      out[`${s.name}: ${screen}, main thread's CPU to the first screen, p50: scripts / all tasks (ms)`] = `${p50(script)} / ${p50(tasks)}`;
    }
  }
  out['load average at end'] = loadAverage();
  return out;
}
