import type Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/engine/db/open-database';
import type { NewTimelineEntry } from '../../main/engine/incidents/domain/incident-types';
import { TIMER_TIMELINE_KINDS } from '../../main/engine/incidents/incident-service';
import { IncidentStore, timelineOfKindsSql } from '../../main/engine/incidents/incident-store';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { MIN, T0 } from './fixtures';

const P1 = {
  key: 'P1',
  name: 'Critical',
  definition: 'Service down',
  examples: [],
  responseMinutes: 15,
  updateCadenceMinutes: 30,
  escalateAfterMinutes: 15,
  escalateTo: ['Engineering Lead'],
  postFixWatchMinutes: null,
};

describe('incident store: timeline queries on a long incident', () => {
  let dir: string;
  let db: Database.Database;
  let store: IncidentStore;
  let long: number;
  let short: number;

  const declare = (title: string) =>
    store.insert({ title, severity: 'P1', status: 'investigating', impact: '', commander: 'ana', service: 'api', createdAt: T0, level: P1 });
  const note = (n: number, at: number): NewTimelineEntry => ({ at, kind: 'note', actor: 'ana', text: `note ${n}` });

  beforeEach(() => {
    dir = tempDir();
    db = openDatabase(path.join(dir, 'trayage.db'), 'test').db;
    store = new IncidentStore(db);
    long = declare('long night');
    short = declare('short one');
    // 3,000 notes, three to a second, with the entries timers read among them (two sharing a note's second).
    store.transaction(() => {
      store.append(long, [{ at: T0, kind: 'declared', actor: 'ana', text: 'Declared P1' }]);
      for (let n = 0; n < 3000; n++) {
        const at = T0 + Math.floor(n / 3) * 1000;
        store.append(long, [note(n, at)]);
        if (n === 1200) store.append(long, [{ at, kind: 'status', actor: 'ana', text: 'Identified' }]);
        if (n === 2400) store.append(long, [{ at, kind: 'update', actor: 'ana', text: 'Update sent' }, { at, kind: 'snooze', actor: 'ana', text: 'Snoozed' }]);
      }
      store.append(short, [{ at: T0 + MIN, kind: 'declared', actor: 'ana', text: 'Declared P1' }]);
    });
  });
  afterEach(() => {
    db.close();
    removeDir(dir);
  });

  it('finds the entries timers read in time order, through the kind index rather than every entry of the incident', () => {
    expect(store.timelineOfKinds(long, TIMER_TIMELINE_KINDS).map((e) => [e.kind, e.text])).toEqual([
      ['declared', 'Declared P1'],
      ['status', 'Identified'],
      ['update', 'Update sent'],
      ['snooze', 'Snoozed'],
    ]);
    expect(store.timelineOfKinds(short, TIMER_TIMELINE_KINDS).map((e) => e.incidentId)).toEqual([short]);

    const plan = () =>
      (db.prepare(`EXPLAIN QUERY PLAN ${timelineOfKindsSql(TIMER_TIMELINE_KINDS.length)}`).all(long, ...TIMER_TIMELINE_KINDS) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n');
    expect(plan()).toContain('USING INDEX timeline_by_kind (incident_id=? AND kind=?)');
    // The same once SQLite has statistics that show how many notes the incident holds.
    db.exec('ANALYZE');
    expect(plan()).toContain('USING INDEX timeline_by_kind (incident_id=? AND kind=?)');
  });

  it('pages back from the newest entries without skipping or repeating one, entries of the same second included', () => {
    const total = store.timelineCount(long);
    expect(total).toBe(3004);
    const tail = store.timelineTail(long, 1000);
    expect(tail.at(-1)!.text).toBe('note 2999');
    const seen = [...tail];
    for (let page = store.timelineBefore(long, seen[0].id, 700); page.length > 0; page = store.timelineBefore(long, seen[0].id, 700)) seen.unshift(...page);
    expect(seen).toEqual(store.timeline(long));
    expect(seen).toHaveLength(total);
    expect(store.timelineBefore(long, store.timeline(short)[0].id, 10)).toEqual([]);
  });

  it('reads the level each incident was rated with, and none from a snapshot that no longer reads as one', () => {
    const edited = declare('hand-edited level');
    db.prepare('UPDATE incidents SET level = ? WHERE id = ?').run('{"key":"P1"', edited);
    const other = declare('another scheme');
    db.prepare('UPDATE incidents SET level = ? WHERE id = ?').run(JSON.stringify({ ...P1, name: 'Sev 1' }), other);

    expect(store.get(long).level).toEqual(P1);
    expect(store.get(short).level).toEqual(P1);
    expect(store.get(edited).level).toBeNull();
    expect(store.get(other).level).toEqual({ ...P1, name: 'Sev 1' });
    // Declared at the same moment: the latest first.
    expect(store.list(['investigating'], 10).map((i) => [i.title, i.level?.name ?? null])).toEqual([
      ['another scheme', 'Sev 1'],
      ['hand-edited level', null],
      ['short one', 'Critical'],
      ['long night', 'Critical'],
    ]);
  });
});
