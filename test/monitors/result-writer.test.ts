import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/engine/db/open-database';
import { applyResult, initialState, type MonitorState, type StatePolicy } from '../../main/engine/monitors/domain/monitor-state';
import { MonitorStore, type LastResult } from '../../main/engine/monitors/monitor-store';
import { ROUTINE_STATE_MS, ResultWriter } from '../../main/engine/monitors/result-writer';
import { removeDir, tempDir } from '../helpers/temp-dir';

const T0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const policy: StatePolicy = { failureThreshold: 2, recoveryThreshold: 1, forMs: 0, reminderEveryMs: 0, flapWindowMs: 600_000, flapChanges: 4 };

describe('result writer: states stored when they change, routine ones at most once a minute', () => {
  let dir: string;
  let db: Database.Database;
  let store: MonitorStore;
  let id: number;
  let now = T0;
  let writer: ResultWriter;
  let state: MonitorState;

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(path.join(dir, 'trayage.db'), 'test').db;
    store = new MonitorStore(db);
    id = store.claimFileMonitors(['api'], T0).ids.get('api')!.id;
    now = T0;
    writer = new ResultWriter(db, store, () => now);
    state = initialState();
  });
  afterEach(() => {
    db.close();
    removeDir(dir);
  });

  /** One check `ok` or failed at the current time, then a flush as the engine's tick does. */
  function check(ok: boolean): void {
    state = applyResult(state, ok ? { ok } : { ok, error: 'HTTP 503' }, policy, now).state;
    const last: LastResult = { at: now, ok, latencyMs: 4, status: ok ? 200 : 503, error: ok ? null : 'HTTP 503' };
    writer.add(id, last, state, last);
    writer.flush();
  }
  const stored = () => {
    const row = db.prepare('SELECT state, last_result FROM monitors WHERE id = ?').get(id) as { state: string; last_result: string };
    return { state: JSON.parse(row.state) as MonitorState, last: JSON.parse(row.last_result) as LastResult };
  };
  const results = () => db.prepare('SELECT count(*) FROM monitor_results').pluck().get();

  it('writes every result, a changed state at once, and an unchanged one again only after a minute or on close', () => {
    check(true);
    expect(stored().state.status).toBe('up');
    const firstAt = stored().last.at;

    // Routine successes: every result is history, the state row keeps its first version.
    for (let i = 0; i < 5; i++) {
      now += 10_000;
      check(true);
    }
    expect(results()).toBe(6);
    expect(stored().last.at).toBe(firstAt);

    // A minute after it was stored, a routine result rewrites it.
    now += 10_000;
    check(true);
    expect(now - firstAt).toBe(ROUTINE_STATE_MS);
    expect(stored().last.at).toBe(now);

    // A failed check changes the state: stored at the same flush, and so is the DOWN that follows.
    now += 10_000;
    check(false);
    expect(stored().state).toMatchObject({ status: 'pending', consecutiveFailures: 1, lastError: 'HTTP 503' });
    now += 5_000;
    check(false);
    expect(stored().state).toMatchObject({ status: 'down', announced: 'down' });
    now += 10_000;
    check(true);
    expect(stored().state).toMatchObject({ status: 'up', announced: 'up', consecutiveFailures: 0 });

    // Close writes what was held back.
    const upAt = now;
    now += 10_000;
    check(true);
    expect(stored().last.at).toBe(upAt);
    writer.flush(true);
    expect(stored().last.at).toBe(now);
    expect(stored().state.lastCheckAt).toBe(now);
  });
});
