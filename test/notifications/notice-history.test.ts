import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deliver } from '../../main/engine/notifications/deliver';
import { NOTICES_KEPT_MS } from '../../main/engine/notifications/notifier';
import { OutboxStore } from '../../main/engine/notifications/outbox-store';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { fakeTime, heldDeliveries, noDelivery, openEngine, until } from './helpers/outbox-parts';

// Longer than the longest back-off, so every retry is due after one step of the clock.
const PAST_ANY_BACKOFF_MS = 301_000;

describe('the Notices list: every notice recorded and what became of it (real SQLite file)', () => {
  let dir: string;
  let errors: unknown[];
  const closers: (() => void)[] = [];
  beforeEach(() => {
    dir = tempDir();
    errors = [];
  });
  afterEach(() => {
    for (const close of closers.splice(0).reverse()) close();
    removeDir(dir);
    expect(errors).toEqual([]);
  });

  function deliveringEngine(deliver: Deliver) {
    const clock = fakeTime();
    const engine = openEngine(dir, deliver, clock.now);
    let changes = 0;
    engine.notifier.onChange(() => changes++);
    const stop = engine.notifier.startDelivery({ sweepEveryMs: 10, onError: (err) => errors.push(err) });
    closers.push(() => {
      stop();
      if (engine.db.open) engine.db.close();
    });
    return { ...engine, clock, changes: () => changes };
  }

  const down = (n: number) => ({ key: `monitor:${n}:down:1`, scope: `monitor:${n}`, title: `m${n} is DOWN`, body: 'HTTP 503', severity: 'P1', target: { kind: 'monitor' as const, id: String(n) } });

  it('says which were shown alone, which in a summary of how many, and which were snoozed, newest first', async () => {
    const held = heldDeliveries();
    const serve = deliveringEngine(held.deliver);
    const recorded = serve.changes();
    serve.notifier.notify(down(1));
    expect(serve.changes()).toBe(recorded + 1);
    await until('the first notice to be shown', () => held.calls.length === 1);
    expect(serve.notifier.history(10).notices[0]).toMatchObject({ title: 'm1 is DOWN', state: 'waiting', shownAt: null });
    held.calls[0].resolve();
    await until('the outcome to be recorded', () => serve.notifier.history(10).notices[0].state === 'shown');

    // A storm: three more alone fill the gap's budget, the other ten go as one summary.
    for (let n = 2; n <= 14; n++) serve.notifier.notify(down(n));
    await until('three more to be shown alone', () => held.calls.length === 4);
    for (const call of held.calls.slice(1)) call.resolve();
    serve.clock.advance(1_000);
    const summary = await until('the summary', () => held.calls.find((call) => call.delivery.title === '10 notices about monitors'));
    summary.resolve();
    await until('the summary to be recorded', () => serve.notifier.history(20).notices[0].state === 'summed-up');

    serve.notifier.snooze('monitor:15', serve.clock.now() + 3_600_000);
    serve.notifier.notify(down(15));

    const { notices, more } = serve.notifier.history(100);
    expect(more).toBe(false);
    expect(notices.map((n) => n.title)).toEqual(Array.from({ length: 15 }, (_, i) => `m${15 - i} is DOWN`));
    expect(notices[0]).toMatchObject({ state: 'snoozed', shownAt: null, summaryOf: null, severity: 'P1', target: { kind: 'monitor', id: '15' } });
    expect(notices.slice(1, 11).every((n) => n.state === 'summed-up' && n.summaryOf === 10 && n.shownAt !== null)).toBe(true);
    expect(notices.slice(11).every((n) => n.state === 'shown' && n.summaryOf === null && n.shownAt !== null)).toBe(true);

    expect(serve.notifier.history(100, { notShown: true })).toEqual({ notices: [notices[0]], more: false });
    expect(serve.notifier.history(100, { search: 'm1' }).notices.map((n) => n.title)).toEqual(['m15 is DOWN', 'm14 is DOWN', 'm13 is DOWN', 'm12 is DOWN', 'm11 is DOWN', 'm10 is DOWN', 'm1 is DOWN']);
    expect(serve.notifier.history(100, { search: 'M15 IS', notShown: true }).notices.map((n) => n.title)).toEqual(['m15 is DOWN']);
    expect(serve.notifier.history(2, { search: '  http 503 ' })).toMatchObject({ more: true, notices: [{ title: 'm15 is DOWN' }, { title: 'm14 is DOWN' }] });

    const page = serve.notifier.history(5);
    expect(page.more).toBe(true);
    expect(page.notices.map((n) => n.title)).toEqual(['m15 is DOWN', 'm14 is DOWN', 'm13 is DOWN', 'm12 is DOWN', 'm11 is DOWN']);
    expect(serve.changes()).toBeGreaterThan(recorded + 15);
  });

  it('keeps why a notice was not shown: retrying, then given up after the last attempt', async () => {
    const held = heldDeliveries();
    const serve = deliveringEngine(held.deliver);
    serve.notifier.notify(down(1));
    await until('the first attempt', () => held.calls.length === 1);
    held.calls[0].reject(new Error('org.freedesktop.Notifications: the daemon did not answer'));
    const retrying = await until('the failure to be recorded', () => {
      const first = serve.notifier.history(1).notices[0];
      return first.state === 'retrying' && first;
    });
    expect(retrying.reason).toBe('org.freedesktop.Notifications: the daemon did not answer');

    for (let attempt = 2; attempt <= 8; attempt++) {
      serve.clock.advance(PAST_ANY_BACKOFF_MS);
      await until(`attempt ${attempt}`, () => held.calls.length === attempt);
      held.calls[attempt - 1].reject(new Error(`no answer, attempt ${attempt}`));
      // Its back-off counts from when the failure is recorded: the clock moves on only after that.
      await until(`failure ${attempt} to be recorded`, () => serve.notifier.history(1).notices[0].reason === `no answer, attempt ${attempt}`);
    }
    const given = await until('the notice to be given up on', () => {
      const first = serve.notifier.history(1).notices[0];
      return first.state === 'not-delivered' && first;
    });
    expect(given).toMatchObject({ reason: 'no answer, attempt 8', shownAt: null });
  });

  it('without a desktop daemon: waiting for a window, with the reason, until a page shows it', async () => {
    const reason = 'No desktop notification daemon: DBUS_SESSION_BUS_ADDRESS is not set';
    const serve = deliveringEngine(() => Promise.resolve({ route: 'browser', reason }));
    serve.notifier.notify(down(1));
    const waiting = await until('the notice to be handed to the pages', () => {
      const first = serve.notifier.history(1).notices[0];
      return first.state === 'for-window' && first;
    });
    expect(waiting.reason).toBe(reason);
    expect(serve.notifier.acknowledge([waiting.id])).toBe(1);
    expect(serve.notifier.history(1).notices[0]).toMatchObject({ state: 'shown-in-window', shownAt: serve.clock.now() });
  });

  it('keeps notices 90 days: an engine starting delivery deletes older ones and says the list changed', () => {
    const clock = fakeTime();
    const recording = openEngine(dir, noDelivery, clock.now);
    recording.notifier.notify(down(1));
    clock.advance(NOTICES_KEPT_MS - 60_000);
    recording.notifier.notify(down(2));
    recording.db.close();

    clock.advance(120_000);
    const serve = openEngine(dir, () => Promise.resolve(), clock.now);
    let changes = 0;
    serve.notifier.onChange(() => changes++);
    closers.push(() => serve.db.close(), serve.notifier.startDelivery({ sweepEveryMs: 60_000, onError: (err) => errors.push(err) }));
    expect(serve.notifier.history(10).notices.map((n) => n.title)).toEqual(['m2 is DOWN']);
    expect(changes).toBe(1);
  });

  it('prunes in batches of the oldest rows until it reaches one it keeps', () => {
    const clock = fakeTime();
    const { db, notifier } = openEngine(dir, noDelivery, clock.now);
    closers.push(() => db.close());
    for (let n = 1; n <= 5; n++) notifier.notify(down(n));
    clock.advance(60_000);
    notifier.notify(down(6));
    const store = new OutboxStore(db);
    expect(store.prune(clock.now() - 30_000, clock.now(), 2)).toBe(5);
    expect(store.prune(clock.now() - 30_000, clock.now(), 2)).toBe(0);
    expect(notifier.history(10).notices.map((n) => n.title)).toEqual(['m6 is DOWN']);
  });

  it('searches title and body for the text as typed: % and _ are letters, not wildcards', () => {
    const clock = fakeTime();
    const { db, notifier } = openEngine(dir, noDelivery, clock.now);
    closers.push(() => db.close());
    const notice = (n: number, title: string, body: string) => notifier.notify({ ...down(n), title, body });
    notice(1, 'disk 95% full on db-1', 'free space below 5%');
    notice(2, 'disk 95 full', 'a_b');
    notice(3, 'api_gateway is down', 'HTTP 502 from upstream');
    notice(4, 'apixgateway is down', 'connection refused');
    const titles = (search: string) => notifier.history(10, { search }).notices.map((n) => n.title);
    expect(titles('95%')).toEqual(['disk 95% full on db-1']);
    expect(titles('api_')).toEqual(['api_gateway is down']);
    expect(titles('UPSTREAM')).toEqual(['api_gateway is down']);
    expect(titles('a_b')).toEqual(['disk 95 full']);
    expect(titles('\\')).toEqual([]);
    expect(titles('nothing like it')).toEqual([]);
    expect(titles('   ')).toHaveLength(4);
  });
});
