import type Database from 'better-sqlite3';
import path from 'node:path';
import { vi } from 'vitest';
import type { TrayTarget } from '../../../preload/contract';
import { openDatabase } from '../../../main/engine/db/open-database';
import type { Deliver, Delivery } from '../../../main/engine/notifications/deliver';
import { Notifier } from '../../../main/engine/notifications/notifier';
import { SettingsStore } from '../../../main/engine/settings/settings-store';

/** Time as the outbox sees it; only the test moves it. */
export function fakeTime(start = Date.UTC(2026, 10, 23, 3, 0, 0)) {
  const clock = { t: start, now: () => clock.t, advance: (ms: number) => void (clock.t += ms) };
  return clock;
}

/** One engine's view of the data directory: its own connection, as a separate process would have. */
export function openEngine(dir: string, deliver: Deliver, now: () => number, onClick?: (target: TrayTarget | undefined) => void): { db: Database.Database; notifier: Notifier } {
  const { db } = openDatabase(path.join(dir, 'trayage.db'), 'test');
  return { db, notifier: new Notifier(db, new SettingsStore(db, now), deliver, now, onClick) };
}

export interface HeldCall {
  delivery: Delivery;
  click(): void;
  resolve(): void;
  reject(err: Error): void;
}

/** A delivery the test finishes by hand, so it can be as slow as the test wants. */
export function heldDeliveries() {
  const calls: HeldCall[] = [];
  const deliver: Deliver = (delivery, click) => new Promise<void>((resolve, reject) => calls.push({ delivery, click, resolve, reject }));
  const of = (title: string) => calls.filter((c) => c.delivery.title === title);
  return {
    deliver,
    calls,
    of,
    /** The `nth` (1-based) delivery of `title`, once it has started. */
    started: (title: string, nth = 1) =>
      vi.waitFor(
        () => {
          const call = of(title)[nth - 1];
          if (!call) throw new Error(`delivery ${nth} of "${title}" has not started; started: ${JSON.stringify(calls.map((c) => c.delivery.title))}`);
          return call;
        },
        { timeout: 5_000, interval: 5 },
      ),
  };
}

/** A delivery that never happens: the engine of a short CLI command records only. */
export const noDelivery: Deliver = () => Promise.reject(new Error('a recording-only engine must not deliver'));

export interface OutboxRow {
  id: number;
  attempts: number;
  sent_at: number | null;
  last_error: string | null;
  next_attempt_at: number | null;
  claimed_by: string | null;
  lease_until: number | null;
}

export function rowOf(db: Database.Database, key: string): OutboxRow {
  const row = db.prepare('SELECT id, attempts, sent_at, last_error, next_attempt_at, claimed_by, lease_until FROM notifications WHERE key = ?').get(key) as OutboxRow | undefined;
  if (!row) throw new Error(`no notification recorded under ${key}`);
  return row;
}

export function until<T>(what: string, check: () => T | false | null | undefined, timeout = 5_000): Promise<T> {
  return vi.waitFor(
    () => {
      const value = check();
      if (!value) throw new Error(`timed out waiting for ${what}`);
      return value;
    },
    { timeout, interval: 5 },
  );
}
