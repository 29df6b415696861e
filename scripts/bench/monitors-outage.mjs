// Outage → notice: HTTP monitors whose target is switched to failing at a random moment each, timed
// from the switch (at the target) to the notice reaching the notification daemon on a private D-Bus
// session (the far end of the delivery path). Others fail a single check at a random moment each: a
// blip, which must raise no notice. The rest stay healthy, as background load.
//
// Two set-ups, one after the other: default settings at a 20 s interval (what the targets are set
// for), and a monitor set up for an outage to be known in seconds (checks every 5 s, a failed one
// confirmed 1 s later). The time from the switch to the first failed check is printed on its own:
// it is the wait for the monitor's next turn, set by the interval, not by what the engine does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchOptions } from './bench-options.mjs';
import { namedOnBus } from './bus-notices.mjs';
import { startDesktopSession } from './desktop-session.mjs';
import { startEndpoints } from './monitor-endpoints.mjs';
import { outboxOutcome, sentTimes } from './outbox.mjs';
import { percentile } from './proc-stats.mjs';
import { commit, loadAverage, machine } from './run-context.mjs';
import { rpcClient, startServe, stopServe } from './serve-process.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pad = (i) => String(i).padStart(3, '0');
const TARGET = { p50: 5_000, p99: 10_000 };

const SETUPS = [
  {
    label: 'defaults',
    lines: ['    interval: 20s'],
    text: 'every 20 s with default settings (failure-threshold 2, retry-interval 5 s, jitter 2 s)',
  },
  {
    label: 'every 5 s',
    lines: ['    interval: 5s', '    retry-interval: 1s'],
    text: 'every 5 s with retry-interval 1 s (failure-threshold 2, jitter 0.5 s by default)',
  },
];

function configText(port, setup, { outages, blips, healthy }) {
  const lines = ['monitors:'];
  const add = (name, url) => lines.push(`  - name: ${name}`, `    url: http://127.0.0.1:${port}${url}`, ...setup.lines);
  for (let i = 0; i < outages; i++) add(`o${pad(i)}`, `/out/${i}`);
  for (let i = 0; i < blips; i++) add(`b${pad(i)}`, `/blip/${i}`);
  for (let i = 0; i < healthy; i++) add(`h${pad(i)}`, `/m/${i}`);
  return `${lines.join('\n')}\n`;
}

async function waitUntil(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    // Listing 1,000 monitors is work for the engine too: asked once a second, not in a tight loop.
    await sleep(1_000);
  }
}

const byName = async (rpc) => new Map((await rpc.call('monitors.list')).result.monitors.map((m) => [m.name, m]));
const sorted = (values) => [...values].sort((a, b) => a - b);
const summary = (values) => {
  const s = sorted(values);
  return `${(percentile(s, 50) / 1000).toFixed(1)} / ${(percentile(s, 99) / 1000).toFixed(1)} / ${(s[s.length - 1] / 1000).toFixed(1)}`;
};

/** `context: false` when run as part of the monitors suite, which prints commit, machine and load itself. */
export async function benchMonitorsOutage({ context = true } = {}) {
  const { quick } = benchOptions();
  // About one outage every 2.5 s: more at once than 4 notices in 5 s are summed up (see README,
  // Notifications), which is a storm's business (npm run bench -- mass-outage), not this figure's.
  const counts = quick ? { outages: 20, blips: 20, healthy: 160 } : { outages: 60, blips: 60, healthy: 880 };
  const spreadMs = quick ? 50_000 : 150_000;
  const out = {};
  if (context) {
    out['commit'] = commit();
    out['machine'] = machine();
    out['load average 1 / 5 / 15 min at start'] = loadAverage();
  }
  if (quick) out['NOTE'] = 'quick run (fewer outages): smoke test only, not figures for README';
  out['set-up'] = `${counts.outages} outages and ${counts.blips} single failed checks at random moments over ${spreadMs / 1000} s, ${counts.healthy} healthy monitors`;
  out['notifications'] = 'real path: Notify calls on one kept-open connection → private D-Bus session bus → dunst on Xvfb; delivery timed by dbus-monitor';
  for (const setup of SETUPS) {
    for (const [key, value] of Object.entries(await runSetup(setup, counts, spreadMs))) out[`${setup.label}: ${key}`] = value;
  }
  if (context) out['load average 1 / 5 / 15 min at end'] = loadAverage();
  return out;
}

async function runSetup(setup, counts, spreadMs) {
  const out = { monitors: setup.text };
  const endpoints = await startEndpoints();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-bench-outage-'));
  const desktop = await startDesktopSession();
  const config = path.join(dataDir, 'outage-monitors.yaml');
  try {
    fs.writeFileSync(config, configText(endpoints.port, setup, counts));
    const serve = await startServe(dataDir, ['--config', config]);
    const rpc = await rpcClient(serve.port, serve.token);
    const watched = [...Array(counts.outages).keys()].map((i) => `o${pad(i)}`).concat([...Array(counts.blips).keys()].map((i) => `b${pad(i)}`));
    await waitUntil('every monitor to be up', async () => {
      const monitors = await byName(rpc);
      return watched.every((name) => monitors.get(name)?.status === 'up');
    }, 60_000);

    // Random moments, so the switch falls anywhere in each monitor's cycle.
    const events = [];
    for (let i = 0; i < counts.outages; i++) events.push({ at: Math.random() * spreadMs, fire: () => endpoints.switchDown(i) });
    for (let i = 0; i < counts.blips; i++) events.push({ at: Math.random() * spreadMs, fire: () => endpoints.blip(i) });
    events.sort((a, b) => a.at - b.at);
    const t0 = performance.now();
    for (const event of events) {
      await sleep(Math.max(0, event.at - (performance.now() - t0)));
      event.fire();
    }

    const downTitle = /^([ob]\d{3}) is down/;
    // Alone, or listed in a summary; a summary lists only its first few, so the rest are read from the outbox.
    const delivered = () => {
      const seen = namedOnBus(desktop.notices(), downTitle);
      for (const row of sentTimes(dataDir)) {
        const name = downTitle.exec(row.title)?.[1];
        if (name && !seen.has(name)) seen.set(name, { at: row.at, how: 'outbox' });
      }
      return seen;
    };
    await waitUntil('a notice for every outage', () => [...Array(counts.outages).keys()].every((i) => delivered().has(`o${pad(i)}`)), 90_000).catch(() => null);
    // A blip is settled once the check after its failed one has a result.
    const report0 = await waitUntil('every blip to be checked', async () => {
      const r = await endpoints.report();
      return [...r.blips.values()].every((b) => b.failedAt !== null) ? r : null;
    }, 60_000);
    await waitUntil('the check after every blip', async () => {
      const monitors = await byName(rpc);
      return [...report0.blips].every(([i, b]) => monitors.get(`b${pad(i)}`)?.lastCheckAt > b.failedAt + 1_000);
    }, 60_000);

    const report = await endpoints.report();
    const seen = delivered();
    const how = (which) => [...seen.entries()].filter(([name, v]) => name.startsWith('o') && v.how === which).length;
    const source = `Notify calls on the session bus (dbus-monitor): ${how('alone')} outages alone, ${how('summary')} listed in a summary; outbox sent_at: ${how('outbox')} (in a summary beyond its list, or no call reached the bus)`;
    const fromSwitch = [];
    const toFirstFailure = [];
    const fromFirstFailure = [];
    let missing = 0;
    for (const [i, o] of report.down) {
      if (o.firstFailureAt !== null) toFirstFailure.push(o.firstFailureAt - o.switchedAt);
      const at = seen.get(`o${pad(i)}`)?.at;
      if (at === undefined) {
        missing++;
        continue;
      }
      fromSwitch.push(at - o.switchedAt);
      if (o.firstFailureAt !== null) fromFirstFailure.push(at - o.firstFailureAt);
    }
    const extra = [...seen.keys()].filter((name) => name.startsWith('b')).length;
    out['delivery times read from'] = source;
    out[`outage → notice delivered p50 / p99 / max (s, ${fromSwitch.length} outages)`] = fromSwitch.length ? summary(fromSwitch) : 'none delivered';
    const s = sorted(fromSwitch);
    const met = (value, target) => (s.length > 0 && value <= target ? 'met' : 'NOT met');
    out['  target p50 ≤ 5 s, p99 ≤ 10 s'] = `${met(percentile(s, 50), TARGET.p50)} / ${met(percentile(s, 99), TARGET.p99)}`;
    out['  of which outage → first failed check (the wait for the next check) p50 / p99 / max (s)'] = toFirstFailure.length ? summary(toFirstFailure) : 'none';
    out['  of which first failed check → notice delivered p50 / p99 / max (s)'] = fromFirstFailure.length ? summary(fromFirstFailure) : 'none';
    out['outages with no notice delivered'] = missing;
    out[`notices for the ${report.blips.size} single failed checks (should be 0)`] = extra;
    out['all notices in the outbox'] = outboxOutcome(dataDir, 0);
    rpc.close();
    await stopServe(serve.proc);
  } finally {
    await desktop.stop();
    await endpoints.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}
