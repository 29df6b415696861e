import { describe, expect, it } from 'vitest';
import {
  applyResult,
  forgetStreak,
  initialState,
  pauseState,
  restoreState,
  resumeState,
  type MonitorState,
  type StateEvent,
  type StatePolicy,
} from '../../main/engine/monitors/domain/monitor-state';

const T0 = 1_700_000_000_000;
const policy: StatePolicy = { failureThreshold: 3, recoveryThreshold: 2, forMs: 0, reminderEveryMs: 0, flapWindowMs: 600_000, flapChanges: 4 };

/** Feeds results every `stepMs` starting at `start`; returns the final state and every event. */
function feed(pattern: string, options: Partial<StatePolicy> = {}, start = T0, stepMs = 30_000, from: MonitorState = initialState()) {
  let state = from;
  const events: StateEvent[] = [];
  const statuses: string[] = [];
  [...pattern].forEach((ch, i) => {
    const next = applyResult(state, ch === '.' ? { ok: true } : { ok: false, error: 'HTTP 503', failedConditions: ['[STATUS] was 503, expected 200'] }, { ...policy, ...options }, start + i * stepMs);
    state = next.state;
    events.push(...next.events);
    statuses.push(state.status);
  });
  return { state, events, statuses };
}

describe('monitor state machine', () => {
  it('goes pending, then down after N consecutive failures, then up after the recovery threshold', () => {
    const { events, statuses } = feed('..xxxx..');
    expect(statuses).toEqual(['up', 'up', 'pending', 'pending', 'down', 'down', 'down', 'up']);
    expect(events).toEqual([
      { type: 'down', at: T0 + 4 * 30_000, since: T0 + 2 * 30_000, error: 'HTTP 503', failedConditions: ['[STATUS] was 503, expected 200'] },
      { type: 'recovered', at: T0 + 7 * 30_000, since: T0 + 2 * 30_000, durationMs: 5 * 30_000 },
    ]);
  });

  it('a success inside the streak starts the count again', () => {
    expect(feed('xx.xx.xx').events).toEqual([]);
  });

  it('waits for the `for` duration as well as the threshold', () => {
    const { statuses, events } = feed('xxxxxx', { failureThreshold: 2, forMs: 120_000 });
    expect(statuses).toEqual(['pending', 'pending', 'pending', 'pending', 'down', 'down']);
    expect(events[0]).toMatchObject({ type: 'down', at: T0 + 120_000, since: T0 });
  });

  it('reminds at the configured interval while down', () => {
    const { events } = feed('x'.repeat(13), { failureThreshold: 1, reminderEveryMs: 120_000 });
    expect(events.map((e) => [e.type, e.at - T0])).toEqual([
      ['down', 0],
      ['reminder', 120_000],
      ['reminder', 240_000],
      ['reminder', 360_000],
    ]);
    expect(events[1]).toMatchObject({ downForMs: 120_000, error: 'HTTP 503' });
  });

  it('sends one flapping notice instead of a storm, then the settled state once it is quiet', () => {
    const { events, state } = feed('x.x.x.x.x.x.x.x.', { failureThreshold: 1, recoveryThreshold: 1 });
    expect(events.map((e) => e.type)).toEqual(['down', 'recovered', 'down', 'flapping']);
    expect(state.flapping).toBe(true);
    // Quiet (up) for the whole window: the machine says the flapping ended; the person was last told "down".
    const calm = feed('.'.repeat(25), { failureThreshold: 1, recoveryThreshold: 1 }, T0 + 16 * 30_000, 30_000, state);
    expect(calm.events.map((e) => e.type)).toEqual(['flapping-ended', 'recovered']);
    expect(calm.state.flapping).toBe(false);
  });

  it('ignores results while paused and reports recovery on resume when it was announced down', () => {
    const down = feed('xxx').state;
    const paused = pauseState(down);
    expect(applyResult(paused, { ok: false }, policy, T0 + 1e6)).toEqual({ state: paused, events: [] });
    const resumed = resumeState(paused);
    expect(resumed.status).toBe('unknown');
    const after = feed('..', {}, T0 + 2e6, 30_000, resumed);
    expect(after.events.map((e) => e.type)).toEqual(['recovered']);
  });

  it('forgets a failing streak taken while offline but keeps an announced outage', () => {
    const pending = feed('..xx').state;
    expect(forgetStreak(pending)).toMatchObject({ status: 'unknown', consecutiveFailures: 0, failingSince: null });
    const down = feed('xxx').state;
    expect(forgetStreak(down).status).toBe('down');
  });

  it('survives a round trip through JSON and refuses garbage', () => {
    const { state } = feed('..xxx');
    expect(restoreState(JSON.stringify(state))).toEqual(state);
    expect(restoreState('{"status":"exploded"}')).toEqual(initialState());
    expect(restoreState('not json')).toEqual(initialState());
    // A restored DOWN does not page again on the next failure.
    expect(feed('x', {}, T0 + 1e6, 30_000, restoreState(JSON.stringify(state))).events).toEqual([]);
  });
});
