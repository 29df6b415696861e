// What an HTTP request costs the client, outside the engine: the floor under the monitors' CPU.
// Each client runs in a process of its own at the engine's rate for 1,000 monitors every 20 s
// (50 requests/s, fired on a 250 ms grid, 1,000 URLs, kept connections) against the loopback
// server of monitors-server.mjs, which counts the requests it answers. After a warm-up, the
// client process's own CPU over the window is divided by the requests counted at the server.
// The clients: Node's `http` with a keep-alive agent (what a naive poller uses), undici's Pool
// (when installed: it comes with other packages, Trayage does not depend on it), and a bare
// socket that writes the request and reads the response, which no real client can undercut.
import { fork } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { benchOptions } from './bench-options.mjs';
import { startEndpoints } from './monitor-endpoints.mjs';

const CLIENTS = ['node-http', 'undici', 'bare-socket'];
const RATE_PER_TICK = 12.5;
const URLS = 1000;

async function clientFor(kind, port) {
  if (kind === 'node-http') {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16, maxFreeSockets: 16 });
    return (path) =>
      new Promise((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, path, agent });
        req.on('error', reject);
        req.on('response', (res) => {
          res.on('data', () => {});
          res.on('end', () => resolve(res.statusCode));
        });
        req.end();
      });
  }
  if (kind === 'undici') {
    const { Pool } = await import('undici');
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: 16 });
    return async (path) => {
      const res = await pool.request({ path, method: 'GET' });
      await res.body.arrayBuffer();
      return res.statusCode;
    };
  }
  // Only what the server here sends: a head and a body of content-length bytes.
  const idle = [];
  return (path) =>
    new Promise((resolve, reject) => {
      const socket = idle.pop() ?? net.connect(port, '127.0.0.1');
      let buffer = Buffer.alloc(0);
      const onData = (chunk) => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffer.toString('latin1', 0, end);
        const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < end + 4 + length) return;
        socket.off('data', onData);
        socket.off('error', reject);
        idle.push(socket);
        resolve(Number(head.slice(9, 12)));
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.write(`GET ${path} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n\r\n`);
    });
}

// In the child: fire requests on the grid until told to stop; report CPU between the marks.
async function runClient(kind, port) {
  const request = await clientFor(kind, port);
  let sent = 0;
  let failed = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    // 12 and 13 in turn: 12.5 per tick.
    const count = ticks++ % 2 ? Math.ceil(RATE_PER_TICK) : Math.floor(RATE_PER_TICK);
    for (let i = 0; i < count; i++) {
      // A deadline per request, as each check has.
      const deadline = setTimeout(() => {}, 10_000);
      request(`/m/${sent++ % URLS}`).then(
        () => clearTimeout(deadline),
        () => (failed++, clearTimeout(deadline)),
      );
    }
  }, 250);
  let mark;
  process.on('message', (message) => {
    if (message === 'start') mark = process.cpuUsage();
    if (message === 'stop') {
      const cpu = process.cpuUsage(mark);
      clearInterval(timer);
      process.send({ cpuSeconds: (cpu.user + cpu.system) / 1e6, failed });
      setTimeout(() => process.exit(0), 100);
    }
  });
  process.send('ready');
}

async function undiciInstalled() {
  try {
    await import('undici');
    return true;
  } catch {
    return false;
  }
}

export async function benchHttpClients() {
  const { quick, window } = benchOptions();
  const warmup = quick ? 5 : 20;
  const windowSeconds = quick ? 10 : Math.min(window, 60);
  const out = {};
  if (quick) out['NOTE'] = 'quick run: smoke test only, not figures for README';
  out['rate'] = `50 requests/s on a 250 ms grid over kept connections, ${URLS} URLs; ${windowSeconds} s window after a ${warmup} s warm-up; CPU of the client's process alone`;
  const endpoints = await startEndpoints();
  try {
    for (const kind of CLIENTS) {
      if (kind === 'undici' && !(await undiciInstalled())) {
        out[`${kind}: CPU per request (µs)`] = 'not installed here';
        continue;
      }
      const child = fork(import.meta.filename, ['--client', kind, String(endpoints.port)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      const next = () => new Promise((resolve) => child.once('message', resolve));
      await next();
      await new Promise((r) => setTimeout(r, warmup * 1000));
      const before = await endpoints.count();
      child.send('start');
      const started = performance.now();
      await new Promise((r) => setTimeout(r, windowSeconds * 1000));
      const requests = (await endpoints.count()) - before;
      child.send('stop');
      const { cpuSeconds, failed } = await next();
      const elapsed = (performance.now() - started) / 1000;
      if (failed > 0) throw new Error(`${kind}: ${failed} requests failed; the figures would not be comparable`);
      out[`${kind}: requests answered at the server, per second`] = (requests / elapsed).toFixed(1);
      out[`${kind}: CPU (% of one core) / per request (µs)`] = `${((cpuSeconds / elapsed) * 100).toFixed(2)} / ${((cpuSeconds * 1e6) / requests).toFixed(0)}`;
    }
  } finally {
    await endpoints.stop();
  }
  return out;
}

if (process.argv[2] === '--client') await runClient(process.argv[3], Number(process.argv[4]));
