import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TrayTarget } from '../../preload/contract';
import { openDatabase } from '../../main/engine/db/open-database';
import { linuxDeliver } from '../../main/engine/notifications/linux-deliver';
import { Notifier } from '../../main/engine/notifications/notifier';
import { SettingsStore } from '../../main/engine/settings/settings-store';
import { type DesktopSession, startDesktopSession } from '../fixtures/desktop-session';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { type BusCalls, watchBusCalls } from './helpers/bus-calls';
import { spyOnChildStarts } from './helpers/child-starts';
import { requireDesktopTools } from './helpers/desktop-tools';
import { fakeTime, rowOf, until } from './helpers/outbox-parts';

describe('notices over one kept-open session-bus connection (real dbus-daemon → dunst)', () => {
  let session: DesktopSession;
  let dir: string;
  const closers: (() => void | Promise<void>)[] = [];
  beforeAll(async () => {
    requireDesktopTools();
    dir = tempDir();
    // At a fixed path, so the bus can be taken away and brought back at the same address.
    session = await startDesktopSession({ busSocket: path.join(dir, 'session-bus') });
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });
  afterAll(async () => {
    await session?.stop();
    if (dir) removeDir(dir);
  });

  function deliveringEngine(name: string) {
    const clock = fakeTime();
    const errors: unknown[] = [];
    const clicks: (TrayTarget | undefined)[] = [];
    const deliver = linuxDeliver({ env: () => ({ ...process.env, ...session.env }), now: clock.now });
    const { db } = openDatabase(path.join(dir, `${name}.db`), 'test');
    const notifier = new Notifier(db, new SettingsStore(db, clock.now), deliver, clock.now, (target) => clicks.push(target));
    const stop = notifier.startDelivery({ sweepEveryMs: 10, onError: (err) => errors.push(err) });
    closers.push(() => {
      stop();
      db.close();
      expect(errors).toEqual([]);
    });
    return { db, notifier, clock, clicks, stop };
  }

  async function watch(): Promise<BusCalls> {
    const calls = await watchBusCalls(session.env.DBUS_SESSION_BUS_ADDRESS);
    closers.push(calls.stop);
    return calls;
  }

  // The calls made on the connection that sent the notices (dunst and the test's tools call the bus too).
  const engineCalls = (bus: BusCalls) => {
    const sender = bus.calls().find((c) => c.member === 'Notify')?.sender;
    return bus.calls().filter((c) => c.sender === sender);
  };
  const shown = (summary: string) => session.notices().filter((n) => n.summary === summary);
  const sent = (db: Database.Database, keys: string[]) => until(`${keys.join(', ')} to be marked sent`, () => keys.every((k) => rowOf(db, k).sent_at !== null));

  it('shows each notice once with its title, body and sound hint, all on one connection, starting no process', async () => {
    const bus = await watch();
    const spawned = spyOnChildStarts();
    closers.push(() => spawned.mockRestore());
    const { db, notifier } = deliveringEngine('shown');
    notifier.setSounds({ default: true, P1: 'bell', P3: false });

    notifier.notify({ key: 'k1', title: '-n Notice 1', body: 'body $HOME 1; echo no', severity: 'P1' });
    notifier.notify({ key: 'k2', title: 'Notice 2', body: 'quiet\nsecond line', severity: 'P3' });
    notifier.notify({ key: 'k3', title: 'Notice 3', body: 'platform sound' });
    await sent(db, ['k1', 'k2', 'k3']);
    await bus.settle();

    expect(shown('-n Notice 1')).toEqual([expect.objectContaining({ app: 'Trayage', body: 'body $HOME 1; echo no', hints: { 'sound-name': 'bell' } })]);
    expect(shown('Notice 2')).toEqual([expect.objectContaining({ body: 'quiet\nsecond line', hints: { 'suppress-sound': 'true' } })]);
    expect(shown('Notice 3')).toEqual([expect.objectContaining({ body: 'platform sound', hints: {} })]);
    // One connection: one look-up, one subscription to clicks, and a Notify per notice, all from one sender.
    expect(bus.calls().filter((c) => c.member === 'Notify')).toHaveLength(3);
    expect(engineCalls(bus).map((c) => c.member)).toEqual(['AddMatch', 'NameHasOwner', 'Notify', 'Notify', 'Notify']);
    expect(spawned).not.toHaveBeenCalled();
  });

  it('calls onClick with the notice target when the notice is clicked in dunst (its default action)', async () => {
    const ctl = (...args: string[]) => execFileSync('dunstctl', args, { env: { ...process.env, ...session.env }, encoding: 'utf8' }).trim();
    ctl('close-all');
    await until('dunst to show nothing', () => ctl('count', 'displayed') === '0');
    const { db, notifier, clicks } = deliveringEngine('click');
    notifier.notify({ key: 'click:1', title: 'api 7 is down', body: 'HTTP 503', target: { kind: 'monitor', id: '7' } });
    await sent(db, ['click:1']);
    await until('dunst to show the notice', () => ctl('count', 'displayed') === '1');
    expect(clicks).toEqual([]);

    ctl('action', '0');
    await until('the click to reach onClick', () => clicks.length > 0);
    expect(clicks).toEqual([{ kind: 'monitor', id: '7' }]);
  });

  it('fails the delivery while the bus is gone (retried with back-off), then shows it on the bus that came back', async () => {
    const { db, notifier, clock } = deliveringEngine('away');
    notifier.notify({ key: 'away:1', title: 'Before the bus went away', body: 'shown' });
    await sent(db, ['away:1']);

    await session.stopBus();
    notifier.notify({ key: 'away:2', title: 'While the bus is away', body: 'shown once, later' });
    await until('the failure to be recorded', () => rowOf(db, 'away:2').last_error);
    expect(rowOf(db, 'away:2')).toMatchObject({ attempts: 1, sent_at: null, next_attempt_at: clock.t + 2_000 });
    expect(rowOf(db, 'away:2').last_error).toMatch(new RegExp(`^the session bus ${session.env.DBUS_SESSION_BUS_ADDRESS} (failed: |closed the connection)`));

    await session.startBus();
    const bus = await watch();
    clock.advance(2_000);
    await sent(db, ['away:2']);
    expect(rowOf(db, 'away:2')).toMatchObject({ attempts: 2, last_error: null });
    await bus.settle();
    // A new connection to the new bus: the daemon is looked up again before the notice is shown.
    expect(engineCalls(bus).map((c) => c.member)).toEqual(['AddMatch', 'NameHasOwner', 'Notify']);
    expect(shown('While the bus is away')).toHaveLength(1);
    expect(shown('Before the bus went away')).toHaveLength(1);
  });

  it('closes the connection when delivery stops, and opens a new one when delivery starts again', async () => {
    const bus = await watch();
    const { db, notifier, stop } = deliveringEngine('closing');
    notifier.notify({ key: 'close:1', title: 'Before closing', body: 'one' });
    await sent(db, ['close:1']);
    await bus.settle();
    const notifySenders = () => bus.calls().filter((c) => c.member === 'Notify').map((c) => c.sender);
    const [first] = notifySenders();
    expect(bus.names()).toContain(first);

    stop();
    await until('the connection to leave the bus', () => !bus.names().includes(first));

    const again = notifier.startDelivery({ sweepEveryMs: 10 });
    closers.push(again);
    notifier.notify({ key: 'close:2', title: 'After starting again', body: 'two' });
    await sent(db, ['close:2']);
    await bus.settle();
    const senders = notifySenders();
    expect(senders).toHaveLength(2);
    expect(senders[1]).not.toBe(first);
    expect(shown('After starting again')).toHaveLength(1);
  });
});
