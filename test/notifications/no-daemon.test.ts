import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../preload/contract';
import { RECHECK_MS } from '../../main/engine/notifications/daemon-probe';
import { SUMMARY_COLLECT_MS } from '../../main/engine/notifications/outbox-delivery';
import { linuxDeliver } from '../../main/engine/notifications/linux-deliver';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { watchBusCalls } from './helpers/bus-calls';
import { spyOnChildStarts } from './helpers/child-starts';
import { requireDesktopTools } from './helpers/desktop-tools';
import { fakeTime, openEngine, rowOf, until } from './helpers/outbox-parts';

const NOTICES = 12;

describe('without a desktop notification daemon nothing is started per notice; the browser is the target', () => {
  let dir: string;
  let errors: unknown[];
  const closers: (() => void | Promise<void>)[] = [];
  let spawned: ReturnType<typeof spyOnChildStarts>;
  beforeEach(() => {
    requireDesktopTools();
    dir = tempDir();
    errors = [];
    spawned = spyOnChildStarts();
    closers.push(() => spawned.mockRestore());
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
    removeDir(dir);
    expect(errors).toEqual([]);
  });

  function deliveringEngine(env: NodeJS.ProcessEnv, clock = fakeTime()) {
    const deliver = linuxDeliver({ env: () => env, now: clock.now });
    const engine = openEngine(dir, deliver, clock.now);
    const handed: Notice[] = [];
    engine.notifier.onBrowserNotice((notice) => handed.push(notice));
    const stop = engine.notifier.startDelivery({ sweepEveryMs: 10, onError: (err) => errors.push(err) });
    closers.push(() => {
      stop();
      engine.db.close();
    });
    return { ...engine, handed, clock };
  }

  function raise(notifier: ReturnType<typeof deliveringEngine>['notifier'], from: number, count: number) {
    for (let n = from; n < from + count; n++) {
      notifier.notify({ key: `monitor:${n}:down:1`, title: `api ${n} is down`, body: 'HTTP 503', severity: 'P2', target: { kind: 'monitor', id: String(n) } });
    }
  }

  it('with no session bus: no process at all, each row handed to the browser with the reason, sent once a page acknowledges', async () => {
    const { DBUS_SESSION_BUS_ADDRESS: _unset, ...rest } = process.env;
    const serve = deliveringEngine(rest);

    const raisedAt = serve.clock.t;
    raise(serve.notifier, 1, NOTICES);
    // So many at once are collected for a moment and summed up; each still reaches the pages as itself.
    serve.clock.advance(SUMMARY_COLLECT_MS);
    await until('every notice to be handed to the browser', () => serve.handed.length === NOTICES);

    expect(spawned).not.toHaveBeenCalled();
    for (let n = 1; n <= NOTICES; n++) {
      expect(rowOf(serve.db, `monitor:${n}:down:1`)).toMatchObject({
        attempts: 1,
        sent_at: null,
        next_attempt_at: null,
        lease_until: null,
        claimed_by: 'browser',
        last_error: 'No desktop notification daemon: DBUS_SESSION_BUS_ADDRESS is not set, so there is no desktop session bus to reach a notification daemon on.',
      });
    }
    expect(serve.handed[0]).toEqual({
      id: rowOf(serve.db, 'monitor:1:down:1').id,
      key: 'monitor:1:down:1',
      title: 'api 1 is down',
      body: 'HTTP 503',
      severity: 'P2',
      target: { kind: 'monitor', id: '1' },
      sound: true,
      createdAt: raisedAt,
    });

    // A page that connects later gets them all; once it has acknowledged them, no page gets them again.
    const pending = serve.notifier.browserPending();
    expect(pending.map((n) => n.key)).toEqual(serve.handed.map((n) => n.key));
    expect(serve.notifier.acknowledge(pending.map((n) => n.id))).toBe(NOTICES);
    expect(serve.notifier.acknowledge(pending.map((n) => n.id))).toBe(0);
    expect(serve.notifier.browserPending()).toEqual([]);
    expect(rowOf(serve.db, 'monitor:1:down:1')).toMatchObject({ sent_at: serve.clock.t, claimed_by: 'browser', attempts: 1 });
  });

  it('with a session bus but no daemon: one look-up on the bus, no process per notice, and another look-up only minutes later', async () => {
    const bus = await startBus();
    closers.push(bus.stop);
    const calls = await watchBusCalls(bus.address);
    closers.push(calls.stop);
    const asked = async () => {
      await calls.settle();
      return calls.calls().map((c) => c.member);
    };
    spawned.mockClear();
    const serve = deliveringEngine({ ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address });

    raise(serve.notifier, 1, NOTICES);
    // So many at once are collected for a moment and summed up; each still reaches the pages as itself.
    serve.clock.advance(SUMMARY_COLLECT_MS);
    await until('every notice to be handed to the browser', () => serve.handed.length === NOTICES);
    // Whether the name is owned, then whether the bus can start a daemon for it: once for all the notices.
    expect(await asked()).toEqual(['AddMatch', 'NameHasOwner', 'StartServiceByName']);
    const row = rowOf(serve.db, `monitor:${NOTICES}:down:1`);
    expect(row).toMatchObject({ attempts: 1, sent_at: null, next_attempt_at: null, claimed_by: 'browser' });
    expect(row.last_error).toContain(`No desktop notification daemon: nothing owns org.freedesktop.Notifications on the session bus ${bus.address} and the bus could not start a daemon for it (StartServiceByName failed: org.freedesktop.DBus.Error.`);
    expect(row.last_error).toMatch(/; start a notification daemon \(e\.g\. dunst\) for desktop notices\.$/);

    // Within the re-check period the answer is reused.
    serve.clock.advance(RECHECK_MS - 1);
    raise(serve.notifier, 100, 1);
    await until('the next notice to be handed to the browser', () => serve.handed.length === NOTICES + 1);
    expect(await asked()).toHaveLength(3);

    // After it, the same connection asks again.
    serve.clock.advance(1);
    raise(serve.notifier, 200, 1);
    await until('the notice after the re-check period to be handed to the browser', () => serve.handed.length === NOTICES + 2);
    expect(await asked()).toEqual(['AddMatch', 'NameHasOwner', 'StartServiceByName', 'NameHasOwner', 'StartServiceByName']);
    expect(spawned).not.toHaveBeenCalled();
  });
});

// A real D-Bus session bus that nothing offers notifications on.
async function startBus(): Promise<{ address: string; stop: () => Promise<void> }> {
  const proc: ChildProcess = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const address = await new Promise<string>((resolve, reject) => {
    let text = '';
    proc.stdout!.on('data', (chunk) => {
      text += chunk;
      const match = /(unix:[^\n]+)\n/.exec(text);
      if (match) resolve(match[1]);
    });
    proc.once('exit', (code) => reject(new Error(`dbus-daemon exited with ${code} before printing its address: ${text}`)));
  });
  return {
    address,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
