// A real Linux desktop notification path, shared by the benchmarks and the tests
// (test/fixtures/desktop-session.ts): Xvfb → a private D-Bus session bus → dunst owning
// org.freedesktop.Notifications, with dbus-monitor recording every Notify call and the time the bus
// carried it (the far end of the engine's delivery).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';

const TOOLS = ['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dbus-send', 'dunst'];
const NAME_OWNER_ARGS = ['--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'];

function readUntil(proc, stream, pattern, what) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 30 s: ${text}`)), 30_000);
    stream.on('data', (chunk) => {
      text += chunk;
      const match = pattern.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    proc.once('exit', (code) => reject(new Error(`${what} exited with ${code}: ${text}`)));
  });
}

function stopProcess(proc) {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGTERM');
  return exited;
}

export function missingDesktopTools() {
  return TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

// One Notify call as dbus-monitor printed it.
function parseCall(call) {
  const strings = [...call.matchAll(/^\s+string "((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1]);
  const hints = Object.fromEntries([...call.matchAll(/dict entry\(\s*string "([^"]*)"\s*variant\s+\w+ "?([^"\n]*)"?\s*\)/g)].map((m) => [m[1], m[2]]));
  // Notify(app_name, replaces_id, app_icon, summary, body, actions, hints, …): the first strings are app, icon, summary, body.
  return { at: Number.parseFloat(call) * 1000, app: strings[0] ?? '', summary: strings[2] ?? '', body: strings[3] ?? '', hints };
}

/**
 * Starts the session. exportEnv (the default, for a benchmark's engine started afterwards) sets
 * DISPLAY and DBUS_SESSION_BUS_ADDRESS in process.env until stop(). busSocket puts the bus at a fixed
 * path, so stopBus() and startBus() can take it away and bring it back at the same address.
 */
export async function startDesktopSession({ exportEnv = true, busSocket } = {}) {
  const missing = missingDesktopTools();
  if (missing.length) throw new Error(`the notification set-up needs ${missing.join(', ')} (Debian/Ubuntu: apt-get install xvfb dbus dbus-x11 dunst)`);
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1024x768x24'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = `:${(await readUntil(xvfb, xvfb.stdio[3], /(\d+)\n/, 'Xvfb'))[1]}`;
  let busProcs = [];
  let log = '';
  let address = '';

  async function startBus() {
    if (busSocket) fs.rmSync(busSocket, { force: true });
    const listen = busSocket ? [`--address=unix:path=${busSocket}`] : [];
    const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1', ...listen], { stdio: ['ignore', 'pipe', 'ignore'] });
    busProcs.push(bus);
    const printed = (await readUntil(bus, bus.stdout, /(unix:[^\n]+)\n/, 'dbus-daemon'))[1];
    // Without the guid a fixed socket keeps one address across restarts (a client checks a given guid).
    address = busSocket ? `unix:path=${busSocket}` : printed;
    const monitor = spawn('dbus-monitor', ['--address', address, "interface='org.freedesktop.Notifications',member='Notify'"], { stdio: ['ignore', 'pipe', 'ignore'] });
    busProcs.push(monitor);
    monitor.stdout.on('data', (chunk) => (log += chunk));
    busProcs.push(spawn('dunst', [], { env: { ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address }, stdio: 'ignore' }));
    await waitForName(address);
  }

  async function stopBus() {
    for (const proc of busProcs.reverse()) await stopProcess(proc);
    busProcs = [];
  }

  await startBus();
  const env = { DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address };
  const saved = { DISPLAY: process.env.DISPLAY, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS };
  if (exportEnv) Object.assign(process.env, env);
  const notices = () => log.split('method call time=').slice(1).map(parseCall);
  return {
    env,
    notices,
    async waitFor(match, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = notices().find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`No matching notification within ${timeoutMs} ms; seen: ${JSON.stringify(notices().map((n) => n.summary))}`);
    },
    stopBus,
    startBus,
    async stop() {
      if (exportEnv) {
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
      await stopBus();
      await stopProcess(xvfb);
    },
  };
}

// dunst owns org.freedesktop.Notifications once it is ready to show notifications.
async function waitForName(address) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const out = spawnSync('dbus-send', [`--bus=${address}`, ...NAME_OWNER_ARGS], { encoding: 'utf8' }).stdout;
    if (out?.includes('boolean true')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('dunst did not take the notification service name on the bus in 10 s');
}
