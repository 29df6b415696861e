import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../main/engine/engine';
import { nativeDeliver } from '../../main/engine/notifications/deliver';
import { type DesktopSession, startDesktopSession } from '../fixtures/desktop-session';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startHttp, type TestServer } from './helpers/servers';
import { call, monitorNamed, monitoringEngine, waitFor, writeConfig } from './engine-helpers';

describe('monitors raise real desktop notifications (D-Bus → dunst)', () => {
  let session: DesktopSession;
  let server: TestServer;
  let healthy = true;
  const saved = { ...process.env };
  beforeAll(async () => {
    session = await startDesktopSession();
    Object.assign(process.env, session.env);
    server = await startHttp((_req, res) => {
      res.statusCode = healthy ? 200 : 503;
      res.end(JSON.stringify({ status: healthy ? 'ok' : 'degraded' }));
    });
  });
  afterAll(async () => {
    process.env.DISPLAY = saved.DISPLAY;
    process.env.DBUS_SESSION_BUS_ADDRESS = saved.DBUS_SESSION_BUS_ADDRESS;
    await server.close();
    await session.stop();
  });

  it('pages once when an endpoint goes down, once when it recovers, and not at all while the monitor is snoozed', async () => {
    const dir = tempDir();
    const url = `${server.url}/health/ready`;
    const config = writeConfig(dir, [
      { name: 'checkout api', url, interval: '1s', jitter: '0s', conditions: ['[STATUS] == 200'], 'failure-threshold': 2, for: '2s', severity: 'P1' },
    ]);
    const engine: Engine = monitoringEngine(dir, config, { deliver: nativeDeliver() });
    try {
      const up = await waitFor('the monitor to be up', async () => (await monitorNamed(engine, 'checkout api'))?.status === 'up');
      expect(up).toBe(true);
      healthy = false;
      const down = await session.waitFor((n) => n.summary.startsWith('checkout api is down'), 8_000);
      // Down only after failing for at least 2 s (the `for:`), and the title says for how long.
      expect(down.summary).toMatch(/^checkout api is down for [23]s$/);
      expect(down.body).toBe(`[STATUS] was 503, expected 200\n${url}`);
      const tray = engine.trayState();
      expect(tray.level).toBe('down');
      expect(tray.problems).toEqual([expect.objectContaining({ label: 'checkout api: [STATUS] was 503, expected 200', level: 'down', target: { kind: 'monitor', id: '1' } })]);

      healthy = true;
      const recovered = await session.waitFor((n) => n.summary === 'checkout api is back up', 8_000);
      expect(recovered.body).toMatch(new RegExp(`^It was down for \\ds\\.\\n${url.replace(/[.?]/g, '\\$&')}$`));
      expect(engine.trayState().problems).toEqual([]);

      // Snoozed for an hour: the next outage is recorded, not shown.
      await call(engine, 'notifications.snooze', { scope: 'monitor:1', minutes: 60 });
      expect((await monitorNamed(engine, 'checkout api')).snoozedUntil).toBeGreaterThan(Date.now() + 59 * 60_000);
      healthy = false;
      await waitFor('the monitor to be down again', async () => (await monitorNamed(engine, 'checkout api'))?.status === 'down');
      await new Promise((r) => setTimeout(r, 500));
      expect(session.notifications().filter((n) => n.summary.startsWith('checkout api is down'))).toHaveLength(1);
    } finally {
      engine.close();
      healthy = true;
    }
    const db = new Database(path.join(dir, 'trayage.db'), { readonly: true });
    const rows = db.prepare("SELECT title, suppressed, sent_at FROM notifications WHERE key LIKE 'monitor:1:down:%' ORDER BY id").all() as any[];
    db.close();
    expect(rows.map((r) => [r.suppressed, r.sent_at === null])).toEqual([
      [null, false],
      ['snoozed', true],
    ]);
    removeDir(dir);
  });
  it('turns a shared dependency failing under 40 monitors into a few notices that together name every one', async () => {
    const dir = tempDir();
    const names = Array.from({ length: 40 }, (_, i) => `svc ${String(i).padStart(2, '0')}`);
    const config = writeConfig(
      dir,
      names.map((name) => ({ name, url: `${server.url}/dep/${name.replace(' ', '-')}`, interval: '1s', jitter: '0s', 'failure-threshold': 1 })),
    );
    const engine: Engine = monitoringEngine(dir, config, { deliver: nativeDeliver() });
    const dbFile = path.join(dir, 'trayage.db');
    const downRows = () => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare("SELECT attempts, sent_at FROM notifications WHERE key LIKE 'monitor:%:down:%'").all() as { attempts: number; sent_at: number | null }[];
      } finally {
        db.close();
      }
    };
    const before = session.notifications().length;
    try {
      await waitFor('every monitor to be up', async () => (await call(engine, 'monitors.list')).monitors.every((m: { status: string }) => m.status === 'up'));
      healthy = false;
      const rows = await waitFor('all 40 down notices to be delivered', () => {
        const all = downRows();
        return all.length === 40 && all.every((row) => row.sent_at !== null) && all;
      }, 20_000);
      // Each was claimed once: none was shown twice, alone or in a summary.
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
    } finally {
      healthy = true;
      engine.close();
    }
    // What dunst was asked to show: a few down notices alone, the rest in summaries that count them.
    const shown = session.notifications().slice(before);
    const alone = shown.filter((n) => / is down/.test(n.summary));
    const summaries = shown.filter((n) => /^\d+ notices about monitors$/.test(n.summary));
    expect(alone.length + summaries.length).toBe(shown.length);
    expect(summaries.length).toBeGreaterThan(0);
    // How the failures spread over time depends on the machine's load: confirmations that trickle in
    // after a summary's gap may go alone again (the pump's exact rules are in notice-storm.test.ts).
    // What holds under any load: four alone at most before the storm is summed up, and far fewer
    // notices than monitors.
    const firstSummary = shown.findIndex((n) => summaries.includes(n));
    expect(firstSummary).toBeLessThanOrEqual(4);
    expect(shown.length).toBeLessThanOrEqual(12);
    expect(alone.length + summaries.reduce((sum, n) => sum + Number.parseInt(n.summary, 10), 0)).toBe(40);
    for (const summary of summaries) {
      const lines = summary.body.split('\n');
      expect(lines[0]).toMatch(/^svc \d\d is down/);
      if (Number.parseInt(summary.summary, 10) > 5) expect(lines.at(-1)).toMatch(/^and \d+ more; see them all under Notices in Trayage$/);
    }
    removeDir(dir);
  });
});
