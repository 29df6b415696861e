import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { vi } from 'vitest';

export interface BusCalls {
  // The org.freedesktop.DBus and org.freedesktop.Notifications methods called so far, in bus order, with
  // the caller's unique name (one per connection); the monitor's own marker calls left out.
  calls(): { member: string; sender: string }[];
  // Unique names of the connections on the bus now.
  names(): string[];
  // Waits until every call made before this one is in calls(): the bus hands them to the monitor in order.
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Records the method calls on a real session bus with dbus-monitor, so a test sees what was asked on it. */
export async function watchBusCalls(address: string): Promise<BusCalls> {
  const proc: ChildProcess = spawn('dbus-monitor', ['--address', address, "type='method_call',interface='org.freedesktop.DBus'", "type='method_call',interface='org.freedesktop.Notifications'"], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let log = '';
  proc.stdout!.on('data', (chunk) => (log += chunk));
  const all = () => [...log.matchAll(/^method call .* sender=(\S+) .* member=(\w+)$/gm)].map((m) => ({ sender: m[1], member: m[2] }));
  const marker = (n: number) => {
    // GetNameOwner of a name nobody owns: an error reply, but the call is on the bus (and in the log) all the same.
    try {
      execFileSync('dbus-send', [`--bus=${address}`, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.GetNameOwner', `string:org.trayage.Marker${n}`], { stdio: 'ignore' });
    } catch {}
  };
  let markers = 0;
  const settle = async () => {
    const n = ++markers;
    marker(n);
    await vi.waitFor(() => {
      if (!log.includes(`org.trayage.Marker${n}`)) throw new Error('dbus-monitor has not shown the marker call yet');
    }, { timeout: 5_000, interval: 20 });
  };
  // Once the monitor shows a marker, it is listening.
  await vi.waitFor(() => {
    marker(0);
    if (!log.includes('org.trayage.Marker0')) throw new Error('dbus-monitor is not listening yet');
  }, { timeout: 5_000, interval: 50 });
  return {
    calls: () => all().filter((c) => !['GetNameOwner', 'Hello', 'ListNames'].includes(c.member)),
    names: () => {
      const out = execFileSync('dbus-send', [`--bus=${address}`, '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.ListNames'], { encoding: 'utf8' });
      return [...out.matchAll(/string "(:[^"]+)"/g)].map((m) => m[1]);
    },
    settle,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
