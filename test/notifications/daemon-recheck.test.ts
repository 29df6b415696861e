import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linuxDeliver } from '../../main/engine/notifications/linux-deliver';
import { type DesktopSession, startDesktopSession } from '../fixtures/desktop-session';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { requireDesktopTools } from './helpers/desktop-tools';
import { fakeTime, openEngine, rowOf, until } from './helpers/outbox-parts';
import { logProgramStarts } from './helpers/program-log';

describe('with a desktop notification daemon (real D-Bus → dunst)', () => {
  let session: DesktopSession;
  let dir: string;
  beforeAll(async () => {
    requireDesktopTools();
    session = await startDesktopSession();
    dir = tempDir();
  });
  afterAll(async () => {
    await session?.stop();
    if (dir) removeDir(dir);
  });

  it('asks the bus once, starts notify-send (no shell) per notice, and asks again after a failed delivery', async () => {
    const programs = logProgramStarts(dir, ['notify-send', 'dbus-send']);
    const clock = fakeTime();
    const errors: unknown[] = [];
    const deliver = linuxDeliver({ env: () => ({ ...process.env, ...session.env, PATH: programs.path }), now: clock.now });
    const { db, notifier } = openEngine(dir, deliver, clock.now);
    const stop = notifier.startDelivery({ sweepEveryMs: 10, onError: (err) => errors.push(err) });
    try {
      for (const n of [1, 2, 3]) notifier.notify({ key: `k${n}`, title: `-n Notice ${n}`, body: `body $HOME ${n}; echo no` });
      await until('three notices sent', () => ['k1', 'k2', 'k3'].every((k) => rowOf(db, k).sent_at !== null));
      await session.waitFor((n) => n.summary === '-n Notice 3');
      // Titles and bodies arrive as given: nothing was read by a shell or taken for an option.
      expect(session.notifications().find((n) => n.summary === '-n Notice 1')).toEqual({ summary: '-n Notice 1', body: 'body $HOME 1; echo no' });
      expect(programs.count('dbus-send')).toBe(1);
      expect(programs.count('notify-send')).toBe(3);

      programs.failNext('notify-send');
      notifier.notify({ key: 'k4', title: 'Notice 4', body: 'fails once' });
      await until('the failure to be recorded', () => rowOf(db, 'k4').last_error);
      expect(rowOf(db, 'k4')).toMatchObject({ attempts: 1, sent_at: null, claimed_by: expect.not.stringMatching(/^browser$/), last_error: 'notify-send exited with 1: notify-send: failed as the test asked' });

      // After its back-off the retry asks the bus again first, then shows it.
      clock.advance(2_000);
      await until('the retry to be sent', () => rowOf(db, 'k4').sent_at !== null);
      expect(rowOf(db, 'k4')).toMatchObject({ attempts: 2, last_error: null });
      expect(programs.starts().map((s) => s.program)).toEqual(['dbus-send', 'notify-send', 'notify-send', 'notify-send', 'notify-send', 'dbus-send', 'notify-send']);
      expect(errors).toEqual([]);
    } finally {
      stop();
      db.close();
    }
  }, 30_000);
});
