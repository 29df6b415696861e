import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEASE_MS } from '../../main/engine/notifications/outbox-delivery';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { fakeTime, heldDeliveries, noDelivery, openEngine, rowOf, until } from './helpers/outbox-parts';
import { bundleOutboxChild, startOutboxProcess } from './helpers/outbox-process';

const SWEEP_MS = 10;

describe('the notification outbox delivers each notice exactly once (real SQLite file)', () => {
  let dir: string;
  let errors: unknown[];
  const onError = (err: unknown) => errors.push(err);
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

  // An engine with its own connection; closed after the test unless the test closes it itself.
  function engine(deliver = noDelivery, now = fakeTime().now) {
    const opened = openEngine(dir, deliver, now);
    closers.push(() => opened.db.open && opened.db.close());
    return opened;
  }

  // A short CLI command on the same data directory records a notice; the delivering engine's
  // sweep showing it proves a sweep ran after everything the test did before.
  async function sweepRan(cli: ReturnType<typeof engine>, held: ReturnType<typeof heldDeliveries>, label: string) {
    cli.notifier.notify({ key: label, title: label, body: 'recorded by another process' });
    (await held.started(label)).resolve();
    await until(`${label} to be marked sent`, () => rowOf(cli.db, label).sent_at !== null);
  }

  it('shows a delivery slower than the sweep once, even long past every back-off and lease', async () => {
    const clock = fakeTime();
    const held = heldDeliveries();
    const serve = engine(held.deliver, clock.now);
    const cli = engine(noDelivery, clock.now);
    closers.push(serve.notifier.startDelivery({ sweepEveryMs: SWEEP_MS, onError }));

    serve.notifier.notify({ key: 'monitor:1:down:100', title: 'api is down', body: 'HTTP 503' });
    const slow = await held.started('api is down');
    for (const step of [1, 2, 3]) {
      clock.advance(10 * LEASE_MS);
      await sweepRan(cli, held, `later ${step}`);
    }
    expect(held.of('api is down')).toHaveLength(1);
    expect(rowOf(serve.db, 'monitor:1:down:100')).toMatchObject({ attempts: 1, sent_at: null, last_error: null });

    slow.resolve();
    await until('the slow notice to be marked sent', () => rowOf(serve.db, 'monitor:1:down:100').sent_at !== null);
    clock.advance(10 * LEASE_MS);
    await sweepRan(cli, held, 'after the slow one');
    expect(held.of('api is down')).toHaveLength(1);
    expect(rowOf(serve.db, 'monitor:1:down:100')).toMatchObject({ attempts: 1, sent_at: clock.t - 10 * LEASE_MS, last_error: null, lease_until: null });
  });

  it('tries a failed delivery again only after its back-off, then shows it once', async () => {
    const clock = fakeTime();
    const held = heldDeliveries();
    const serve = engine(held.deliver, clock.now);
    const cli = engine(noDelivery, clock.now);
    closers.push(serve.notifier.startDelivery({ sweepEveryMs: SWEEP_MS, onError }));

    serve.notifier.notify({ key: 'incident:1:ack:900', title: 'Not acknowledged', body: '#1 P1' });
    (await held.started('Not acknowledged')).reject(new Error('notify-send exited with code 1'));
    const failed = await until('the failure to be recorded', () => {
      const row = rowOf(serve.db, 'incident:1:ack:900');
      return row.last_error !== null && row;
    });
    expect(failed).toMatchObject({ attempts: 1, sent_at: null, last_error: 'notify-send exited with code 1', next_attempt_at: clock.t + 2_000 });

    clock.advance(1_999);
    await sweepRan(cli, held, 'before the back-off ends');
    expect(held.of('Not acknowledged')).toHaveLength(1);

    clock.advance(1);
    (await held.started('Not acknowledged', 2)).resolve();
    await until('the retry to be marked sent', () => rowOf(serve.db, 'incident:1:ack:900').sent_at !== null);
    clock.advance(10 * LEASE_MS);
    await sweepRan(cli, held, 'after the retry');
    expect(held.of('Not acknowledged')).toHaveLength(2);
    expect(rowOf(serve.db, 'incident:1:ack:900')).toMatchObject({ attempts: 2, last_error: null, sent_at: clock.t - 10 * LEASE_MS });
  });

  it('lets the next engine show a notice a crashed engine held, once, when the lease runs out', async () => {
    const clock = fakeTime();
    const hung = heldDeliveries();
    const crashed = engine(hung.deliver, clock.now);
    const stopCrashed = crashed.notifier.startDelivery({ sweepEveryMs: SWEEP_MS, onError });
    crashed.notifier.notify({ key: 'offline:100', title: 'You are offline', body: 'Checks keep running' });
    await hung.started('You are offline');
    const crashedOwner = rowOf(crashed.db, 'offline:100').claimed_by;
    // The process dies mid-delivery: it never renews its lease nor records an outcome.
    stopCrashed();
    crashed.db.close();
    const leasedUntil = clock.t + LEASE_MS;

    const held = heldDeliveries();
    const next = engine(held.deliver, clock.now);
    const cli = engine(noDelivery, clock.now);
    closers.push(next.notifier.startDelivery({ sweepEveryMs: SWEEP_MS, onError }));
    expect(rowOf(next.db, 'offline:100')).toMatchObject({ attempts: 1, sent_at: null, lease_until: leasedUntil });
    clock.advance(LEASE_MS);
    await sweepRan(cli, held, 'while the lease still holds');
    expect(held.of('You are offline')).toHaveLength(0);

    clock.advance(1);
    (await held.started('You are offline')).resolve();
    await until('the taken-over notice to be marked sent', () => rowOf(next.db, 'offline:100').sent_at !== null);
    clock.advance(10 * LEASE_MS);
    await sweepRan(cli, held, 'after the takeover');
    expect(held.of('You are offline')).toHaveLength(1);
    const row = rowOf(next.db, 'offline:100');
    expect(row.attempts).toBe(2);
    expect(row.claimed_by).not.toBeNull();
    expect(row.claimed_by).not.toBe(crashedOwner);
    // The hung delivery finishing after its engine closed neither throws nor touches the database.
    hung.of('You are offline')[0].resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(rowOf(next.db, 'offline:100').attempts).toBe(2);
  });

  it('shows each notice once when two engine processes deliver the same file at the same time', async () => {
    const log = path.join(dir, 'deliveries.log');
    const script = await bundleOutboxChild(dir);
    const recorder = engine(noDelivery, Date.now);
    const processes = await Promise.all([1, 2].map(() => startOutboxProcess(script, path.join(dir, 'trayage.db'), log)));
    const keys = Array.from({ length: 200 }, (_, i) => `alert:prom:${i}:firing:100`);
    for (const [i, key] of keys.entries()) {
      recorder.notifier.notify({ key, title: key, body: `alert ${i}` });
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await until(
      'every notice to be marked sent',
      () => (recorder.db.prepare('SELECT count(*) AS n FROM notifications WHERE sent_at IS NULL').get() as { n: number }).n === 0,
      20_000,
    );
    const childErrors = await Promise.all(processes.map((p) => p.stop()));
    expect(childErrors.flat()).toEqual([]);

    const lines = fs.readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split(' '));
    const shown = new Map<string, number>();
    for (const [, title] of lines) shown.set(title, (shown.get(title) ?? 0) + 1);
    expect([...shown.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    expect([...shown.keys()].sort()).toEqual([...keys].sort());
    // Both processes took part, so the claims really raced.
    for (const p of processes) expect(lines.some(([pid]) => pid === String(p.pid))).toBe(true);
    expect(recorder.db.prepare('SELECT DISTINCT attempts FROM notifications').all()).toEqual([{ attempts: 1 }]);
  });

  it('records without delivering in a short CLI command, keeps duplicates and snoozes out, and is quiet after close', async () => {
    const clock = fakeTime();
    const deliver = vi.fn(noDelivery);
    const cli = engine(deliver, clock.now);
    expect(cli.notifier.notify({ key: 'k1', title: 'One', body: '' })).toEqual({ id: 1, suppressed: null });
    expect(cli.notifier.notify({ key: 'k1', title: 'One again', body: '' })).toEqual({ id: null, suppressed: 'duplicate' });
    cli.notifier.snooze('monitor:7', clock.t + 60_000);
    expect(cli.notifier.notify({ key: 'k2', title: 'Snoozed', body: '', scope: 'monitor:7' })).toEqual({ id: 2, suppressed: 'snoozed' });
    expect(rowOf(cli.db, 'k1')).toMatchObject({ attempts: 0, sent_at: null, claimed_by: null });
    cli.db.close();
    expect(cli.notifier.notify({ key: 'k3', title: 'Too late', body: '' })).toEqual({ id: null, suppressed: 'closed' });
    expect(deliver).not.toHaveBeenCalled();

    // The delivering engine that starts later shows what was recorded, but not what was snoozed.
    const held = heldDeliveries();
    const serve = engine(held.deliver, clock.now);
    const stop = serve.notifier.startDelivery({ sweepEveryMs: SWEEP_MS, onError });
    (await held.started('One')).resolve();
    await until('the recorded notice to be marked sent', () => rowOf(serve.db, 'k1').sent_at !== null);

    // Delivery in flight when the engine stops and closes: its outcome arrives to a closed database.
    serve.notifier.notify({ key: 'k4', title: 'In flight', body: '' });
    const inFlight = await held.started('In flight');
    stop();
    serve.db.close();
    inFlight.reject(new Error('notify-send was killed'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(serve.notifier.notify({ key: 'k5', title: 'After close', body: '' })).toEqual({ id: null, suppressed: 'closed' });
    expect(held.of('Snoozed')).toHaveLength(0);
  });
});
