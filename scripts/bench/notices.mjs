// CPU per delivered notice through a real `trayage serve`: monitors going down and up raise the
// notices, and they are counted where they end up — Notify calls on a real D-Bus session with dunst
// (scripts/bench/desktop-session.mjs, the tests' set-up too),
// or `notice` events at a WebSocket client standing in for a page (which acknowledges them, as a page
// does). CPU is the whole process tree of the engine, finished children included (utime, stime,
// cutime, cstime), over a phase with notices minus a quiet phase of the same length.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { busCounts } from './bus-notices.mjs';
import { startDesktopSession } from './desktop-session.mjs';
import { commit, loadAverage, machine } from './run-context.mjs';

const cli = path.resolve(import.meta.dirname, '../../dist/cli.cjs');
const TICKS_PER_SECOND = 100;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Seconds of CPU: the process itself, and its children that have finished (and been waited for).
function treeCpu(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { self: (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND, children: (Number(f[13]) + Number(f[14])) / TICKS_PER_SECOND };
}

function readUntil(proc, stream, pattern, what) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 10 s: ${text}`)), 10_000);
    stream.on('data', (chunk) => {
      text += chunk;
      const m = pattern.exec(text);
      if (m) (clearTimeout(timer), resolve(m));
    });
    proc.once('exit', (code) => reject(new Error(`${what} exited with ${code}: ${text}`)));
  });
}

const stop = (proc) => (proc.exitCode !== null || proc.signalCode !== null ? Promise.resolve() : new Promise((r) => (proc.once('exit', r), proc.kill('SIGTERM'))));

function startServe(dataDir, config, env) {
  const proc = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0', '--config', config], { stdio: ['ignore', 'pipe', 'inherit'], env });
  return readUntil(proc, proc.stdout, /Open http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+)/, 'trayage serve').then((m) => ({ proc, port: Number(m[1]), token: m[2] }));
}

// A page's part: counts notices and acknowledges each, as the renderer does once it has shown it.
async function pageClient(port, token) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc?token=${token}`);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  let received = 0;
  let next = 1;
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString());
    if (message.event !== 'notice') return;
    received++;
    ws.send(JSON.stringify({ id: next++, method: 'notifications.acknowledge', params: { ids: [message.payload.id] } }));
  });
  return { received: () => received, close: () => ws.close() };
}

async function waitFor(check, timeoutMs, what, progress) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what} (${progress()})`);
}

async function runMode(mode, { count }) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `trayage-bench-notices-${mode}-`));
  const endpoints = fork(path.join(import.meta.dirname, 'monitors-server.mjs'), { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const { port } = await new Promise((resolve) => endpoints.once('message', resolve));
  const config = path.join(dataDir, 'monitors.yaml');
  const lines = ['monitors:'];
  for (let i = 0; i < count; i++) lines.push(`  - name: n${i}`, `    url: http://127.0.0.1:${port}/flip/${i}`, '    interval: 2s', '    jitter: 0s', '    failure-threshold: 1');
  fs.writeFileSync(config, `${lines.join('\n')}\n`);
  let session = null;
  let serve = null;
  let page = null;
  try {
    session = mode === 'desktop' ? await startDesktopSession({ exportEnv: false }) : null;
    const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...base } = process.env;
    serve = await startServe(dataDir, config, { ...base, ...(session?.env ?? {}) });
    page = mode === 'headless' ? await pageClient(serve.port, serve.token) : null;
    await sleep(5_000);
    // Notice phase: every monitor goes down, then up: two notices each, until all have arrived.
    // On the desktop many at once are summed up ("46 notices about monitors"): a summary counts for what it stands for.
    const onBus = () => busCounts(session.notices().filter((n) => /^(n\d+ is (down|back up)|\d+ notices about monitors$)/.test(n.summary)));
    const delivered = () => {
      if (!session) return page.received();
      const counts = onBus();
      return counts.alone + counts.summarized;
    };
    const progress = () => `${delivered()} so far`;
    const n0 = treeCpu(serve.proc.pid);
    const t0 = performance.now();
    endpoints.send({ failing: count });
    await waitFor(() => delivered() >= count, 60_000, `${count} down notices`, progress);
    endpoints.send({ failing: 0 });
    await waitFor(() => delivered() >= 2 * count, 60_000, `${2 * count} notices in all`, progress);
    // Children still running are counted once they finish.
    await sleep(2_000);
    const n1 = treeCpu(serve.proc.pid);
    const phaseMs = performance.now() - t0;
    // Quiet phase of the same length: the checks alone, subtracted.
    const q0 = treeCpu(serve.proc.pid);
    await sleep(phaseMs);
    const q1 = treeCpu(serve.proc.pid);
    const notices = 2 * count;
    const engineMs = ((n1.self - n0.self - (q1.self - q0.self)) * 1000) / notices;
    const childMs = ((n1.children - n0.children - (q1.children - q0.children)) * 1000) / notices;
    const seconds = phaseMs / 1000;
    return { notices, shown: delivered(), calls: session ? onBus() : null, engineMs, childMs, seconds, quietCpu: ((q1.self + q1.children - q0.self - q0.children) / seconds) * 100 };
  } finally {
    page?.close();
    if (serve) await stop(serve.proc);
    await session?.stop();
    endpoints.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchNotices({ count = 50 } = {}) {
  const result = {};
  result['commit'] = commit();
  result['context'] = `${machine()}; load ${loadAverage()} at start; ${count} monitors every 2 s, down then up (${2 * count} notices)`;
  for (const mode of ['desktop', 'headless']) {
    const r = await runMode(mode, { count });
    const label = mode === 'desktop' ? 'D-Bus + dunst (Notify on one kept-open connection)' : 'no daemon → browser (WebSocket page acks)';
    const where = r.calls ? `on the bus: ${r.calls.alone} Notify calls alone, ${r.calls.summaries} summaries standing for ${r.calls.summarized}` : 'notice events at the page';
    result[`${label}: delivered`] = `${r.shown} of ${r.notices} (${where})`;
    result[`${label}: CPU per notice`] = `${(r.engineMs + r.childMs).toFixed(2)} ms (engine ${r.engineMs.toFixed(2)} + children ${r.childMs.toFixed(2)}; target ≤ 5)`;
    result[`${label}: phases`] = `${r.seconds.toFixed(1)} s each; quiet phase ${r.quietCpu.toFixed(2)} % of a core`;
  }
  return result;
}
