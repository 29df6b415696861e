import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notice } from '../../preload/contract';
import { SUMMARY_COLLECT_MS, SUMMARY_GAP_MS } from '../../main/engine/notifications/outbox-delivery';
import type { Deliver } from '../../main/engine/notifications/deliver';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { fakeTime, heldDeliveries, openEngine, until } from './helpers/outbox-parts';

const SWEEP_MS = 10;

interface Row {
  key: string;
  attempts: number;
  sent_at: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
}

const rows = (db: Database.Database) => db.prepare('SELECT key, attempts, sent_at, last_error, next_attempt_at FROM notifications ORDER BY id').all() as Row[];
const unsent = (db: Database.Database) => rows(db).filter((row) => row.sent_at === null);

describe('many notices due at once are shown as a few summaries (real SQLite file)', () => {
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

  function deliveringEngine(deliver: Deliver, clock = fakeTime()) {
    const engine = openEngine(dir, deliver, clock.now);
    const stop = engine.notifier.startDelivery({ sweepEveryMs: SWEEP_MS, onError: (err) => errors.push(err) });
    closers.push(() => {
      stop();
      if (engine.db.open) engine.db.close();
    });
    return { ...engine, clock };
  }

  function monitorsDown(notifier: ReturnType<typeof deliveringEngine>['notifier'], from: number, count: number, severity?: string) {
    for (let n = from; n < from + count; n++) {
      notifier.notify({ key: `monitor:${n}:down:1`, title: `m${n} is DOWN`, body: 'HTTP 503', severity, target: { kind: 'monitor', id: String(n) } });
    }
  }

  it('shows the first few alone, then one summary of the backlog, and the next summary only after the gap', async () => {
    const held = heldDeliveries();
    const serve = deliveringEngine(held.deliver);

    monitorsDown(serve.notifier, 1, 4);
    await until('four notices to be shown alone', () => held.calls.length === 4);
    expect(held.calls.map((c) => c.delivery.title)).toEqual(['m1 is DOWN', 'm2 is DOWN', 'm3 is DOWN', 'm4 is DOWN']);

    // Every slot is taken: the next 96 wait, are collected for a moment, then go out as one summary.
    monitorsDown(serve.notifier, 5, 96);
    expect(held.calls).toHaveLength(4);
    held.calls[0].resolve();
    await until('the freed slot to be seen', () => unsent(serve.db).length === 99);
    serve.clock.advance(SUMMARY_COLLECT_MS - 1);
    expect(held.calls).toHaveLength(4);
    serve.clock.advance(1);
    const summary = await held.started('96 notices about monitors');
    expect(summary.delivery.body).toBe(['m5 is DOWN', 'm6 is DOWN', 'm7 is DOWN', 'm8 is DOWN', 'm9 is DOWN', 'and 91 more; see them all under Notices in Trayage'].join('\n'));
    expect(summary.delivery.sound).toBe(true);

    // More keep coming within the gap: they wait, however many slots are free.
    monitorsDown(serve.notifier, 101, 50);
    for (const call of held.calls.slice(1)) call.resolve();
    await until('the first 100 to be marked sent', () => unsent(serve.db).length === 50);
    serve.clock.advance(SUMMARY_GAP_MS - 1);
    monitorsDown(serve.notifier, 151, 1);
    expect(held.calls).toHaveLength(5);

    serve.clock.advance(1);
    const next = await held.started('51 notices about monitors');
    expect(next.delivery.body.split('\n')[0]).toBe('m101 is DOWN');
    next.resolve();
    await until('every notice to be marked sent', () => unsent(serve.db).length === 0);
    expect(held.calls).toHaveLength(6);
    // Each row was claimed once and stands in exactly one delivery.
    expect(new Set(rows(serve.db).map((row) => row.attempts))).toEqual(new Set([1]));
    expect(rows(serve.db)).toHaveLength(151);

    // Within the gap after a summary even one notice waits for the next; once the storm is over
    // notices go alone again, as long as they fit in four per gap.
    monitorsDown(serve.notifier, 152, 1);
    expect(held.calls).toHaveLength(6);
    serve.clock.advance(SUMMARY_GAP_MS);
    (await held.started('m152 is DOWN')).resolve();
    for (let n = 153; n <= 155; n++) {
      monitorsDown(serve.notifier, n, 1);
      (await held.started(`m${n} is DOWN`)).resolve();
    }
    monitorsDown(serve.notifier, 156, 1);
    await until('the fifth to be waiting', () => unsent(serve.db).length === 1);
    expect(held.calls).toHaveLength(10);
    serve.clock.advance(SUMMARY_GAP_MS);
    (await held.started('m156 is DOWN')).resolve();
    await until('every notice to be marked sent', () => unsent(serve.db).length === 0);
  });

  it('sums up the tail of a storm too: two or more that came after a summary go as one when its gap ends', async () => {
    const shown: string[] = [];
    const instant: Deliver = async (delivery) => void shown.push(delivery.title);
    const serve = deliveringEngine(instant);
    monitorsDown(serve.notifier, 1, 10);
    serve.clock.advance(SUMMARY_COLLECT_MS);
    await until('four alone and a summary of six', () => shown.length === 5 && unsent(serve.db).length === 0);
    expect(shown.slice(4)).toEqual(['6 notices about monitors']);

    // Three more a moment after the summary: they wait out its gap, then go together.
    monitorsDown(serve.notifier, 11, 3);
    serve.clock.advance(SUMMARY_GAP_MS - 1);
    await until('the three to be waiting', () => unsent(serve.db).length === 3);
    expect(shown).toHaveLength(5);
    serve.clock.advance(1);
    await until('the tail to be marked sent', () => unsent(serve.db).length === 0);
    expect(shown.slice(5)).toEqual(['3 notices about monitors']);

    // A single one after that summary is not a storm's tail of many: it goes alone once the gap ends.
    monitorsDown(serve.notifier, 14, 1);
    serve.clock.advance(SUMMARY_GAP_MS);
    await until('the last one to be marked sent', () => unsent(serve.db).length === 0);
    expect(shown.slice(6)).toEqual(['m14 is DOWN']);
    // The storm is over: notices go alone again as they come.
    monitorsDown(serve.notifier, 15, 2);
    await until('both to be marked sent', () => unsent(serve.db).length === 0);
    expect(shown.slice(7)).toEqual(['m15 is DOWN', 'm16 is DOWN']);
  });

  it('shows at most four alone per gap even when the daemon keeps up, then sums up the rest', async () => {
    const shown: string[] = [];
    const instant: Deliver = async (delivery) => void shown.push(delivery.title);
    const serve = deliveringEngine(instant);
    for (let n = 1; n <= 4; n++) {
      monitorsDown(serve.notifier, n, 1);
      await until(`notice ${n} to be marked sent`, () => unsent(serve.db).length === 0);
    }
    expect(shown).toEqual(['m1 is DOWN', 'm2 is DOWN', 'm3 is DOWN', 'm4 is DOWN']);

    // A fifth within the gap waits; with a sixth they are collected and shown as one.
    monitorsDown(serve.notifier, 5, 1);
    serve.clock.advance(SUMMARY_COLLECT_MS);
    monitorsDown(serve.notifier, 6, 1);
    await until('the summary of two to be marked sent', () => unsent(serve.db).length === 0);
    expect(shown).toEqual(['m1 is DOWN', 'm2 is DOWN', 'm3 is DOWN', 'm4 is DOWN', '2 notices about monitors']);
  });

  it('leads a click on a summary to the list of the kind its notices share, to the one thing they are all about, or to the Notices window', async () => {
    const held = heldDeliveries();
    const clicks: unknown[] = [];
    const clock = fakeTime();
    const { db, notifier } = openEngine(dir, held.deliver, clock.now, (target) => clicks.push(target));
    const stop = notifier.startDelivery({ sweepEveryMs: SWEEP_MS, onError: (err) => errors.push(err) });
    closers.push(() => {
      stop();
      db.close();
    });

    const fill = (prefix: string, count: number, target: (n: number) => { kind: 'monitor' | 'incident'; id: string }) => {
      for (let n = 0; n < count; n++) notifier.notify({ key: `${prefix}:${n}`, title: `${prefix} ${n}`, body: '', target: target(n) });
    };
    fill('busy', 4, (n) => ({ kind: 'monitor', id: String(n) }));
    await until('four notices alone', () => held.calls.length === 4);
    fill('monitors', 6, (n) => ({ kind: 'monitor', id: String(10 + n) }));
    held.calls[0].resolve();
    clock.advance(SUMMARY_COLLECT_MS);
    (await held.started('6 notices about monitors')).click();
    expect(clicks).toEqual([{ kind: 'monitor', id: '' }]);

    fill('timers', 5, () => ({ kind: 'incident', id: '7' }));
    for (const call of held.calls.slice(1)) call.resolve();
    clock.advance(SUMMARY_GAP_MS);
    (await held.started('5 notices about one incident')).click();
    expect(clicks).toEqual([{ kind: 'monitor', id: '' }, { kind: 'incident', id: '7' }]);

    // Nothing in common: the Notices window, which lists each of them.
    fill('mixed', 6, (n) => (n % 2 ? { kind: 'monitor', id: String(20 + n) } : { kind: 'incident', id: String(30 + n) }));
    for (const call of held.calls.slice(1)) call.resolve();
    clock.advance(SUMMARY_GAP_MS);
    (await held.started('6 notices')).click();
    expect(clicks.at(-1)).toEqual({ kind: 'notices', id: '' });
  });

  it('keeps a failed summary for every notice in it, and retries them together after the back-off', async () => {
    const held = heldDeliveries();
    const serve = deliveringEngine(held.deliver);
    monitorsDown(serve.notifier, 1, 4);
    await until('four notices alone', () => held.calls.length === 4);
    monitorsDown(serve.notifier, 5, 20, 'P1');
    held.calls[0].resolve();
    serve.clock.advance(SUMMARY_COLLECT_MS);
    (await held.started('20 notices about monitors')).reject(new Error('the daemon did not answer'));
    for (const call of held.calls.slice(1, 4)) call.resolve();
    await until('the failure to be recorded on all 20', () => unsent(serve.db).every((row) => row.last_error !== null) && unsent(serve.db));
    expect(unsent(serve.db)).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ key: `monitor:${i + 5}:down:1`, attempts: 1, sent_at: null, last_error: 'the daemon did not answer', next_attempt_at: serve.clock.t + 2_000 })),
    );

    serve.clock.advance(SUMMARY_GAP_MS);
    const again = await held.started('20 notices about monitors', 2);
    again.resolve();
    await until('every notice to be marked sent', () => unsent(serve.db).length === 0);
    expect(rows(serve.db).filter((row) => row.attempts === 2)).toHaveLength(20);
    expect(held.calls).toHaveLength(6);
  });

  it('without a desktop daemon hands each notice of a backlog to the pages as itself', async () => {
    let asked = 0;
    const toBrowser: Deliver = async () => {
      asked += 1;
      return { route: 'browser', reason: 'No desktop notification daemon: none in this test.' };
    };
    const serve = deliveringEngine(toBrowser);
    const handed: Notice[] = [];
    serve.notifier.onBrowserNotice((notice) => handed.push(notice));
    monitorsDown(serve.notifier, 1, 30);
    await until('four to be handed to the pages alone', () => handed.length === 4);
    serve.clock.advance(SUMMARY_COLLECT_MS);
    await until('every notice to be handed to the pages', () => handed.length === 30);
    expect(handed.map((notice) => notice.key)).toEqual(Array.from({ length: 30 }, (_, i) => `monitor:${i + 1}:down:1`));
    // Four alone, the other 26 as one: five deliveries for thirty notices.
    expect(asked).toBe(5);
    expect(serve.notifier.browserPending()).toHaveLength(30);
  });
});
