import { spawn } from 'node:child_process';
import path from 'node:path';
import WebSocket from 'ws';

const cli = path.resolve(import.meta.dirname, '../../dist/cli.cjs');

export function startServe(dataDir, extra = []) {
  const started = process.hrtime.bigint();
  const proc = spawn(process.execPath, [cli, 'serve', '--data-dir', dataDir, '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /Open (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([\w-]+))/.exec(out);
      if (m) resolve({ proc, url: m[1], port: Number(m[2]), token: m[3], ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

export const stopServe = (proc) => new Promise((resolve) => { proc.once('exit', resolve); proc.kill('SIGTERM'); });

export async function rpcClient(port, token) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc?token=${token}`);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const waiting = new Map();
  let next = 1;
  ws.on('message', (data) => {
    const reply = JSON.parse(data.toString());
    if (reply.id !== undefined && waiting.has(reply.id)) { waiting.get(reply.id)(reply); waiting.delete(reply.id); }
  });
  return {
    call: (method, params = {}) => new Promise((resolve) => { const id = next++; waiting.set(id, resolve); ws.send(JSON.stringify({ id, method, params })); }),
    close: () => ws.close(),
  };
}
