import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../preload/contract';
import type { WorkflowIncident } from '../../main/engine/incidents/domain/incident-types';
import { planEscalation, planSnooze, planUpdateSent, snoozesFromTimeline } from '../../main/engine/incidents/domain/incident-events';
import { planChange } from '../../main/engine/incidents/domain/plan-change';
import { DEFAULT_SCHEME } from '../../main/engine/incidents/domain/scheme-catalog';
import { requireLevel } from '../../main/engine/incidents/domain/severity-schemes';
import { computeTimers, dueNotifications, isInsidePostFixWatch, nearestTimer, watchStart } from '../../main/engine/incidents/domain/timers';
import { timerNotice } from '../../main/engine/incidents/domain/timer-notifications';
import { FakeTimeline, MIN, T0, makeIncident } from './fixtures';

const P0 = requireLevel(DEFAULT_SCHEME, 'P0');
const P1 = requireLevel(DEFAULT_SCHEME, 'P1');

/** A clock the test moves by hand, and an incident whose changes go through planChange as in the app. */
class Scenario {
  now = T0;
  incident: WorkflowIncident;
  readonly timeline = new FakeTimeline();
  constructor(overrides: Partial<WorkflowIncident> = {}) {
    this.incident = makeIncident(overrides);
  }
  advance(minutes: number) {
    this.now += minutes * MIN;
  }
  change(change: Parameters<typeof planChange>[1]) {
    const plan = planChange(this.incident, change, 'dana', this.now);
    if (!plan.ok) throw new Error(plan.error);
    this.incident = { ...this.incident, ...plan.updates };
    this.timeline.add(this.incident.id, plan.entries);
  }
  timers(level = P1) {
    return computeTimers(this.incident, level, this.timeline.entries, this.now, snoozesFromTimeline(this.timeline.entries));
  }
}

const brief = (timers: ReturnType<typeof computeTimers>) => timers.map((t) => [t.kind, (t.dueAt - T0) / MIN, t.overdue, t.snoozed]);

describe('computeTimers', () => {
  it('a P1 is due for acknowledgement and escalation 15 min after declaration', () => {
    const s = new Scenario();
    s.advance(10);
    expect(brief(s.timers())).toEqual([
      ['ack', 15, false, false],
      ['escalation', 15, false, false],
    ]);
    expect(s.timers().map((t) => t.label)).toEqual([
      'Acknowledge: the P1 response time is 15 min',
      'Escalate to Manager: P1 unresolved after 15 min',
    ]);
    s.advance(6);
    expect(brief(s.timers())).toEqual([
      ['ack', 15, true, false],
      ['escalation', 15, true, false],
    ]);
  });

  it('acknowledging stops the ack timer; recording an escalation stops the escalation timer', () => {
    const s = new Scenario();
    s.advance(3);
    s.change({ acknowledge: true });
    expect(brief(s.timers())).toEqual([['escalation', 15, false, false]]);
    s.advance(14);
    s.timeline.add(12, [planEscalation(['Manager'], 'dana', s.now)]);
    expect(s.timers()).toEqual([]);
  });

  it('a P0 escalates at once and wants an update every 15 min from the last one sent', () => {
    const s = new Scenario({ severity: 'P0' });
    expect(brief(s.timers(P0))).toEqual([
      ['escalation', 0, true, false],
      ['ack', 5, false, false],
      ['update', 15, false, false],
    ]);
    expect(s.timers(P0)[0].label).toBe('Escalate to CEO at once (P0)');
    s.advance(20);
    const sent = planUpdateSent('Slack webhook', 'We are on it', 'dana', s.now);
    s.incident = { ...s.incident, ...sent.updates };
    s.timeline.add(12, sent.entries);
    expect(brief(s.timers(P0)).find((t) => t[0] === 'update')).toEqual(['update', 35, false, false]);
  });

  it('a snooze pushes a due timer back, and it falls due again when the snooze ends', () => {
    const s = new Scenario({ severity: 'P0', acknowledgedAt: T0 + MIN });
    s.timeline.add(12, [planEscalation(['CEO'], 'dana', T0 + MIN)]);
    s.advance(16);
    expect(brief(s.timers(P0))).toEqual([['update', 15, true, false]]);
    s.timeline.add(12, [planSnooze('update', s.now + 10 * MIN, 'dana', s.now)]);
    const snoozed = s.timers(P0)[0];
    expect(snoozed).toMatchObject({ kind: 'update', dueAt: T0 + 26 * MIN, baseDueAt: T0 + 15 * MIN, snoozed: true, overdue: false });
    s.advance(11);
    expect(brief(s.timers(P0))).toEqual([['update', 26, true, false]]);
  });

  it('a snooze from before the last update does not carry over to the next cycle', () => {
    const s = new Scenario({ severity: 'P0', acknowledgedAt: T0 });
    s.timeline.add(12, [planEscalation(['CEO'], 'dana', T0)]);
    s.advance(15);
    s.timeline.add(12, [planSnooze('update', T0 + 60 * MIN, 'dana', s.now)]);
    s.advance(5);
    const sent = planUpdateSent('clipboard', 'Update', 'dana', s.now);
    s.incident = { ...s.incident, ...sent.updates };
    s.timeline.add(12, sent.entries);
    expect(brief(s.timers(P0))).toEqual([['update', 35, false, false]]);
  });

  it('the post-fix watch runs from the fix, through Monitoring and Resolved, then disappears', () => {
    const s = new Scenario();
    s.advance(10);
    s.change({ status: 'monitoring' });
    expect(brief(s.timers())).toEqual([['postfix-watch', 70, false, false]]);
    s.advance(20);
    s.change({ status: 'resolved' });
    expect(watchStart(s.incident, s.timeline.entries)).toBe(T0 + 10 * MIN);
    expect(brief(s.timers())).toEqual([['postfix-watch', 70, false, false]]);
    expect(isInsidePostFixWatch(s.incident, P1, s.timeline.entries, T0 + 69 * MIN)).toBe(true);
    expect(isInsidePostFixWatch(s.incident, P1, s.timeline.entries, T0 + 70 * MIN)).toBe(false);
    s.advance(41);
    expect(s.timers()).toEqual([]);
    // While still only Monitoring, an ended watch stays to prompt "resolve?".
    const m = new Scenario();
    m.change({ status: 'monitoring' });
    m.advance(61);
    expect(brief(m.timers())).toEqual([['postfix-watch', 60, true, false]]);
  });

  it('a re-opened incident measures escalation from the re-opening, not the first declaration', () => {
    const s = new Scenario();
    s.advance(5);
    s.change({ status: 'resolved' });
    s.advance(120);
    s.change({ status: 'investigating' });
    expect(brief(s.timers())).toEqual([['escalation', 140, false, false]]);
  });

  it('falls back to statusChangedAt when the timeline holds no status data, and gives nothing for an unknown level', () => {
    const incident = makeIncident({ status: 'monitoring', statusChangedAt: T0 + 30 * MIN, acknowledgedAt: T0 });
    expect(brief(computeTimers(incident, P1, [], T0 + 40 * MIN))).toEqual([['postfix-watch', 90, false, false]]);
    expect(computeTimers(incident, undefined, [], T0)).toEqual([]);
  });

  it('nearestTimer picks the soonest, overdue first', () => {
    const s = new Scenario({ severity: 'P0' });
    expect(nearestTimer(s.timers(P0))?.kind).toBe('escalation');
    expect(nearestTimer([])).toBeNull();
  });
});

describe('dueNotifications', () => {
  it('fires each timer once as a ticking clock passes it, and a snoozed one again when its snooze ends', () => {
    const s = new Scenario({ severity: 'P0' });
    const fired: [string, number][] = [];
    let prev = s.now;
    const tick = () => {
      s.advance(0.5);
      for (const t of dueNotifications(prev, s.now, s.incident, P0, s.timeline.entries, snoozesFromTimeline(s.timeline.entries))) {
        fired.push([t.kind, (s.now - T0) / MIN]);
      }
      prev = s.now;
    };
    // Escalation is due at the very moment of declaration: the first interval must include it.
    for (const t of dueNotifications(prev - 1, s.now, s.incident, P0, s.timeline.entries)) fired.push([t.kind, 0]);
    for (let i = 0; i < 36; i++) tick(); // to +18 min
    s.timeline.add(12, [planSnooze('update', s.now + 5 * MIN, 'dana', s.now)]);
    for (let i = 0; i < 24; i++) tick(); // to +30 min
    expect(fired).toEqual([
      ['escalation', 0],
      ['ack', 5],
      ['update', 15],
      ['update', 23],
    ]);
  });

  it('after a restart, the stored data gives the same timers and what fell due while closed fires once', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-timers-'));
    try {
      const file = path.join(dir, 'incidents.db');
      const s = new Scenario({ severity: 'P0' });
      s.advance(2);
      s.change({ acknowledge: true });
      s.advance(3);
      s.timeline.add(12, [planSnooze('update', T0 + 25 * MIN, 'dana', s.now)]);
      const before = s.timers(P0);

      let db = new Database(file);
      db.exec('CREATE TABLE state (incident TEXT, timeline TEXT, last_check INTEGER)');
      db.prepare('INSERT INTO state VALUES (?, ?, ?)').run(JSON.stringify(s.incident), JSON.stringify(s.timeline.entries), s.now);
      db.close();

      db = new Database(file, { readonly: true });
      const row = db.prepare('SELECT * FROM state').get() as { incident: string; timeline: string; last_check: number };
      db.close();
      const incident = JSON.parse(row.incident) as WorkflowIncident;
      const timeline = JSON.parse(row.timeline) as TimelineEntry[];
      expect(computeTimers(incident, P0, timeline, s.now, snoozesFromTimeline(timeline))).toEqual(before);

      // Closed from +5 to +40 min: the snoozed update (+25) fired while closed; escalation already fired at 0.
      const later = T0 + 40 * MIN;
      const missed = dueNotifications(row.last_check, later, incident, P0, timeline, snoozesFromTimeline(timeline));
      expect(missed.map((t) => [t.kind, (t.dueAt - T0) / MIN, t.overdue])).toEqual([['update', 25, true]]);
      expect(dueNotifications(later, later + 1000, incident, P0, timeline, snoozesFromTimeline(timeline))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('timerNotice', () => {
  it('says what is due, how late, and whom to call', () => {
    const incident = makeIncident();
    const [ack, escalation] = computeTimers(incident, P1, [], T0 + 17 * MIN);
    expect(timerNotice(incident, ack, T0 + 17 * MIN)).toEqual({
      title: '#12 P1 · Checkout API returns 502',
      body: 'Not acknowledged 17 min after declaration (2 min late). Acknowledge: the P1 response time is 15 min.',
    });
    expect(timerNotice(incident, escalation, T0 + 17 * MIN, ['Manager: Dana Lee, +1-555-0101']).body).toBe(
      'Unresolved for 17 min (2 min late). Escalate to Manager: P1 unresolved after 15 min.\nContacts: Manager: Dana Lee, +1-555-0101',
    );
  });
});
