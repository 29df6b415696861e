import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../main/engine/engine';
import { nativeDeliver } from '../../main/engine/notifications/deliver';
import { type DesktopSession, startDesktopSession } from '../fixtures/desktop-session';
import { removeDir, tempDir } from '../helpers/temp-dir';

const MIN = 60_000;

describe('incident timers raise real desktop notifications (D-Bus → dunst)', () => {
  let session: DesktopSession;
  const saved = { ...process.env };
  beforeAll(async () => {
    session = await startDesktopSession();
    Object.assign(process.env, session.env);
  });
  afterAll(async () => {
    process.env.DISPLAY = saved.DISPLAY;
    process.env.DBUS_SESSION_BUS_ADDRESS = saved.DBUS_SESSION_BUS_ADDRESS;
    await session.stop();
  });

  it('fires each due timer once, across a restart, and honours a snooze', async () => {
    const dir = tempDir();
    let clock = Date.UTC(2026, 10, 23, 2, 0, 0);
    const open = (): Engine =>
      createEngine({ dataDir: dir, actor: 'ana', now: () => clock, deliver: nativeDeliver(), areas: { incidents: { timerCheckMs: 40 } } });
    let engine = open();
    const call = (method: string, params: unknown) => engine.dispatch({ id: 1, method, params }) as Promise<any>;
    await call('incidents.declare', { title: 'Checkout returns 502', severity: 'P1' });

    clock += 16 * MIN;
    const ack = await session.waitFor((n) => n.body.startsWith('Not acknowledged'));
    expect(ack.summary).toBe('#1 P1 · Checkout returns 502');
    expect(ack.body).toContain('Acknowledge: the P1 response time is 15 min');
    // The P1 escalation timer (15 min) fell due in the same interval.
    await session.waitFor((n) => n.body.includes('Escalate to'));

    // Restart: what already fired does not fire again.
    engine.close();
    const before = session.notifications().length;
    engine = open();
    await new Promise((r) => setTimeout(r, 300));
    expect(session.notifications().length).toBe(before);

    // A snooze on the update timer holds it back past its due time, then lets it fire.
    await call('incidents.snoozeTimer', { id: 1, kind: 'update', minutes: 30 });
    clock += 15 * MIN; // 31 min: the update timer (30 min cadence) would be due now
    await new Promise((r) => setTimeout(r, 300));
    expect(session.notifications().filter((n) => n.body.includes('Status update due'))).toHaveLength(0);
    clock += 20 * MIN; // past the snooze
    await session.waitFor((n) => n.body.includes('Status update due'));

    // A global snooze of notifications records them as suppressed instead of showing them.
    await call('notifications.snooze', { scope: 'all', minutes: 60 });
    await call('incidents.declare', { title: 'Search is slow', severity: 'P1' });
    clock += 16 * MIN;
    await new Promise((r) => setTimeout(r, 400));
    expect(session.notifications().filter((n) => n.summary.includes('Search is slow'))).toEqual([]);
    engine.close();
    const Database = (await import('better-sqlite3')).default;
    const file = new Database(`${dir}/trayage.db`, { readonly: true });
    const rows = file.prepare("SELECT title, suppressed, sent_at FROM notifications WHERE title LIKE '#2 %'").all() as any[];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.suppressed === 'snoozed' && r.sent_at === null)).toBe(true);
    file.close();
    removeDir(dir);
  });
});
