// SSH diagnostics on 10 hosts at once (10 real sshd on loopback): time to the first output a
// window receives and total time, cold (new connections) and warm (reused); then 50 MB of output
// from one step pushed through the same path a window uses: event JSON, contract validation and
// the renderer's bounded run store.
import { build } from 'esbuild';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './proc-stats.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const HOSTS = 10;
const FLOOD_BYTES = 50 * 1024 * 1024;

const DIAGNOSTIC = {
  id: 'bench-diagnostics',
  title: 'Runbook diagnostics',
  kind: 'diagnostic',
  steps: [
    { title: 'Disk', command: 'df -h /' },
    { title: 'Memory', command: 'free -h' },
    { title: 'Load', command: 'uptime' },
    { title: 'Top processes by memory', command: 'ps aux --sort=-%mem | head -15' },
  ],
};
const FLOOD = {
  id: 'bench-flood',
  title: '50 MB of log lines',
  kind: 'diagnostic',
  steps: [{ title: 'Flood', command: `yes '2026-11-23T03:00:00Z INFO request served in 12 ms path=/api/checkout status=200' | head -c ${FLOOD_BYTES}` }],
};

// The engine, the sshd fixture and the renderer's store, bundled from source into a temp dir
// whose node_modules points at the project's (native modules stay external).
async function loadParts(dir) {
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const outfile = path.join(dir, 'bench-parts.cjs');
  await build({
    stdin: {
      contents: [
        "export { createEngine } from './main/engine/engine';",
        "export { startSshd } from './test/fixtures/sshd/sshd-fixture';",
        "export { makeKeyPair } from './test/fixtures/sshd/keys';",
        "export { BoundedOutput } from './renderer/views/run/bounded-output';",
        "export { events } from './preload/contract';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    external: ['better-sqlite3', 'ssh2', 'cpu-features', 'node-notifier', 'bufferutil', 'utf-8-validate'],
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}

export async function benchSshDiagnostics() {
  const dir = fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), 'trayage-bench-ssh-'));
  const parts = await loadParts(dir);
  const client = parts.makeKeyPair(dir, 'id_bench');
  const servers = await Promise.all(Array.from({ length: HOSTS }, () => parts.startSshd({ authorizedKeys: [client.publicLine] })));
  const aliases = servers.map((_, i) => `web${i}`);
  const user = os.userInfo().username;
  const config = path.join(dir, 'ssh_config');
  fs.writeFileSync(config, servers.map((s, i) => `Host web${i}\n  HostName 127.0.0.1\n  Port ${s.port}\n  User ${user}\n  IdentityFile ${client.privatePath}\n`).join('\n'));
  const knownHosts = path.join(dir, 'known_hosts');
  fs.writeFileSync(knownHosts, servers.map((s) => `${s.knownHostsLine}\n`).join(''));

  const engine = parts.createEngine({ dataDir: path.join(dir, 'data'), actor: 'bench', areas: { runs: { agentSocket: null } }, deliver: async () => {} });
  const call = async (method, params) => {
    const reply = await engine.dispatch({ id: 1, method, params });
    if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
    return reply.result;
  };
  try {
    await call('hosts.settings', { sshConfigPath: config, knownHostsFiles: [knownHosts] });
    await call('procedures.save', { text: JSON.stringify(DIAGNOSTIC) });
    await call('procedures.save', { text: JSON.stringify(FLOOD) });
    const cold = await diagnosticsOnAll(engine, call, aliases);
    const warm = await diagnosticsOnAll(engine, call, aliases);
    const flood = await floodIntoStore(engine, call, parts, aliases[0]);
    return {
      'hosts, sshd instances on loopback': HOSTS,
      'cold: first output in a window p50 / max (ms)': `${cold.p50.toFixed(0)} / ${cold.max.toFixed(0)}`,
      'cold: all 4 steps on all hosts (ms)': cold.total.toFixed(0),
      'warm: first output in a window p50 / max (ms)': `${warm.p50.toFixed(0)} / ${warm.max.toFixed(0)}`,
      'warm: all 4 steps on all hosts (ms)': warm.total.toFixed(0),
      '50 MB step: run time (ms)': flood.totalMs.toFixed(0),
      '50 MB step: throughput (MB/s)': (FLOOD_BYTES / 2 ** 20 / (flood.totalMs / 1000)).toFixed(0),
      '50 MB step: events to the window': flood.events,
      '50 MB step: largest event (kB)': (flood.maxEventBytes / 1024).toFixed(0),
      '50 MB step: window work per event max (ms)': flood.maxHandleMs.toFixed(2),
      '50 MB step: window work in total (ms)': flood.handleMs.toFixed(0),
      '50 MB step: text kept in the window store (MB)': (flood.storeChars / 2 ** 20).toFixed(1),
    };
  } finally {
    engine.close();
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Latency until each host's first output reaches the window's event stream, from the start call.
async function diagnosticsOnAll(engine, call, aliases) {
  const firstOutput = new Map();
  let runId = null;
  let started = 0;
  let finished;
  const done = new Promise((resolve) => (finished = resolve));
  const off = engine.onEvent(({ event, payload }) => {
    if (payload.runId !== runId) return;
    const now = performance.now();
    if (event === 'runs.output') for (const c of payload.chunks) if (!firstOutput.has(c.host)) firstOutput.set(c.host, now - started);
    if (event === 'runs.changed' && payload.status !== 'running') finished(now - started);
  });
  started = performance.now();
  ({ runId } = await call('runs.start', { procedureId: DIAGNOSTIC.id, hosts: aliases }));
  const total = await done;
  off();
  const run = await call('runs.get', { runId });
  if (run.status !== 'ok') throw new Error(`diagnostics run ended ${run.status}: ${run.error}`);
  const latencies = [...firstOutput.values()].sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), max: latencies[latencies.length - 1], total };
}

// What a window does with each event: parse the JSON, validate it against the contract, store it.
async function floodIntoStore(engine, call, parts, alias) {
  const store = new parts.BoundedOutput();
  const schema = parts.events['runs.output'];
  let runId = null;
  let events = 0;
  let maxEventBytes = 0;
  let handleMs = 0;
  let maxHandleMs = 0;
  let finished;
  const done = new Promise((resolve) => (finished = resolve));
  const off = engine.onEvent((envelope) => {
    if (envelope.payload.runId !== runId) return;
    if (envelope.event === 'runs.changed' && envelope.payload.status !== 'running') finished();
    if (envelope.event !== 'runs.output') return;
    const text = JSON.stringify(envelope);
    const t0 = performance.now();
    const payload = schema.parse(JSON.parse(text).payload);
    for (const c of payload.chunks) store.append(parts.BoundedOutput.key(c.host, c.stepIndex), c.text, c.omitted);
    store.text(parts.BoundedOutput.key(alias, 0)).slice(-256 * 1024);
    const spent = performance.now() - t0;
    events++;
    maxEventBytes = Math.max(maxEventBytes, text.length);
    handleMs += spent;
    maxHandleMs = Math.max(maxHandleMs, spent);
  });
  const started = performance.now();
  ({ runId } = await call('runs.start', { procedureId: FLOOD.id, hosts: [alias] }));
  await done;
  const totalMs = performance.now() - started;
  off();
  const output = await call('runs.stepOutput', { runId, host: alias, stepIndex: 0 });
  if (output.bytes !== FLOOD_BYTES) throw new Error(`flood step delivered ${output.bytes} bytes, expected ${FLOOD_BYTES}`);
  return { totalMs, events, maxEventBytes, handleMs, maxHandleMs, storeChars: store.size };
}
