// A real Linux notification path for the monitor benchmarks: Xvfb → a private D-Bus session bus →
// dunst owning org.freedesktop.Notifications, with dbus-monitor recording every Notify call and the
// time the bus carried it (the far end of the engine's delivery). The engine started after
// `start()` inherits DISPLAY and DBUS_SESSION_BUS_ADDRESS.
import { spawn, spawnSync } from 'node:child_process';

const TOOLS = ['Xvfb', 'dbus-daemon', 'dbus-monitor', 'dbus-send', 'dunst', 'notify-send'];

function readUntil(proc, stream, pattern, what) {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 10 s: ${text}`)), 10_000);
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

export function missingDesktopTools() {
  return TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
}

export async function startDesktopSession() {
  const missing = missingDesktopTools();
  if (missing.length) throw new Error(`the notification set-up needs ${missing.join(', ')} (Debian/Ubuntu: apt-get install xvfb dbus dunst libnotify-bin)`);
  const started = [];
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1024x768x24'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  started.push(xvfb);
  const display = `:${(await readUntil(xvfb, xvfb.stdio[3], /(\d+)\n/, 'Xvfb'))[1]}`;
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(bus);
  const address = (await readUntil(bus, bus.stdout, /(unix:[^\n]+)\n/, 'dbus-daemon'))[1];
  const monitor = spawn('dbus-monitor', ['--address', address, "interface='org.freedesktop.Notifications',member='Notify'"], { stdio: ['ignore', 'pipe', 'ignore'] });
  started.push(monitor);
  let log = '';
  monitor.stdout.on('data', (chunk) => (log += chunk));
  const dunst = spawn('dunst', [], { env: { ...process.env, DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address }, stdio: 'ignore' });
  started.push(dunst);
  await waitForName(address);
  const saved = { DISPLAY: process.env.DISPLAY, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS };
  Object.assign(process.env, { DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address });
  return {
    /** Notify calls so far: when the bus carried them (ms since the epoch) and their summary. */
    notices: () =>
      log
        .split('method call time=')
        .slice(1)
        .map((call) => {
          const strings = [...call.matchAll(/^\s+string "((?:[^"\\]|\\.)*)"/gm)].map((m) => m[1]);
          // Notify(app_name, replaces_id, app_icon, summary, body, …): the strings are app, icon, summary, body.
          return { at: Number.parseFloat(call) * 1000, summary: strings[2] ?? '' };
        }),
    async stop() {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      for (const proc of started.reverse()) {
        if (proc.exitCode !== null || proc.signalCode !== null) continue;
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}

// dunst owns org.freedesktop.Notifications once it is ready to show notifications.
async function waitForName(address) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const out = spawnSync('dbus-send', [`--bus=${address}`, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'], { encoding: 'utf8' }).stdout;
    if (out?.includes('boolean true')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('dunst did not take the notification service name on the bus in 10 s');
}
