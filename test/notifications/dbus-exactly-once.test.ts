import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Deliver, nativeDeliver } from '../../main/engine/notifications/deliver';
import { linuxDeliver } from '../../main/engine/notifications/linux-deliver';
import { type DesktopSession, startDesktopSession } from '../fixtures/desktop-session';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { requireDesktopTools } from './helpers/desktop-tools';
import { noDelivery, openEngine, rowOf, until } from './helpers/outbox-parts';

// Longer than two sweeps of the default period: the old retry sweep sent exactly such notices again.
const SLOW_MS = 2_500;

describe('notices reach the desktop exactly once (real D-Bus → dunst, counted by dbus-monitor)', () => {
  let session: DesktopSession;
  const saved = { DISPLAY: process.env.DISPLAY, DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS };
  beforeAll(async () => {
    requireDesktopTools();
    session = await startDesktopSession();
    // The engine's session-bus connection finds the private bus through the environment.
    Object.assign(process.env, session.env);
  });
  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await session?.stop();
  });

  it('shows N notices once each: slow deliveries, notices of a CLI command, and across a restart', async () => {
    const dir = tempDir();
    const errors: unknown[] = [];
    const onError = (err: unknown) => errors.push(err);
    const native = nativeDeliver();
    const deliveries = { started: 0, finished: 0 };
    // The notice is on the bus at once; the delivery only reports back long after.
    const slowNative: Deliver = async (delivery, onClick) => {
      deliveries.started++;
      try {
        await native(delivery, onClick);
        await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
      } finally {
        deliveries.finished++;
      }
    };
    // More than four within a few seconds are shown as a summary that lists them ("2 notices").
    const names = (n: { summary: string; body: string }, title: string) => n.summary === title || (/^\d+ notices$/.test(n.summary) && n.body.split('\n').includes(title));
    const shown = (title: string) => session.notifications().filter((n) => names(n, title)).length;
    const sent = (db: Parameters<typeof rowOf>[0], keys: string[]) => until(`${keys.join(', ')} to be marked sent`, () => keys.every((k) => rowOf(db, k).sent_at !== null), 15_000);

    // The desktop engine delivers with the default sweep period.
    const first = openEngine(dir, slowNative, Date.now);
    const stopFirst = first.notifier.startDelivery({ onError });
    for (const n of [1, 2, 3]) first.notifier.notify({ key: `notice:${n}`, title: `Notice ${n}`, body: `slow delivery ${n}` });
    await sent(first.db, ['notice:1', 'notice:2', 'notice:3']);

    // A short CLI command on the same data directory only records; the running engine shows its notices within about a second.
    const cli = openEngine(dir, noDelivery, Date.now);
    for (const n of [4, 5]) cli.notifier.notify({ key: `notice:${n}`, title: `Notice ${n}`, body: `from the CLI ${n}` });
    await session.waitFor((n) => names(n, 'Notice 5'), 3_000);
    await sent(cli.db, ['notice:4', 'notice:5']);

    // Restart: while no engine delivers, the CLI's notices wait in the outbox.
    stopFirst();
    first.db.close();
    for (const n of [6, 7]) cli.notifier.notify({ key: `notice:${n}`, title: `Notice ${n}`, body: `while closed ${n}` });
    expect(rowOf(cli.db, 'notice:6')).toMatchObject({ attempts: 0, sent_at: null });

    const second = openEngine(dir, slowNative, Date.now);
    const stopSecond = second.notifier.startDelivery({ onError });
    second.notifier.notify({ key: 'notice:8', title: 'Notice 8', body: 'after the restart' });
    expect(second.notifier.notify({ key: 'notice:1', title: 'Notice 1', body: 'the same event again' }).suppressed).toBe('duplicate');
    await sent(second.db, ['notice:6', 'notice:7', 'notice:8']);
    await vi.waitFor(() => expect(deliveries.finished).toBe(deliveries.started), { timeout: 10_000 });
    stopSecond();
    second.db.close();
    cli.db.close();

    // dbus-monitor prints calls in bus order, so once a last call shows up every earlier one has too.
    await sendDirectly('end of test');
    await session.waitFor((n) => n.summary === 'end of test');
    const titles = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `Notice ${n}`);
    expect(titles.map((t) => [t, shown(t)])).toEqual(titles.map((t) => [t, 1]));
    const notices = session.notifications().filter((n) => n.summary.startsWith('Notice ') || /^\d+ notices$/.test(n.summary));
    expect(notices.reduce((sum, n) => sum + (n.summary.startsWith('Notice ') ? 1 : Number.parseInt(n.summary, 10)), 0)).toBe(8);
    expect(deliveries.started).toBe(notices.length);
    expect(errors).toEqual([]);
    removeDir(dir);
  }, 60_000);
});

// On a connection of its own: the bus routes it after every Notify already answered.
async function sendDirectly(summary: string): Promise<void> {
  const deliver = linuxDeliver();
  try {
    expect(await deliver({ title: summary, body: 'sent by the test', sound: true }, () => {})).toBeUndefined();
  } finally {
    deliver.close?.();
  }
}
