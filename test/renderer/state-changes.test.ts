import { describe, expect, it } from 'vitest';
import type { RecentResult } from '../../preload/contract';
import { stateChanges } from '../../renderer/views/monitors/state-changes';

const ok = (at: number): RecentResult => ({ at, ok: true, latencyMs: 20, status: 200, error: null });
const failed = (at: number, error: string | null = '[STATUS] was 503, expected 200'): RecentResult => ({ at, ok: false, latencyMs: 20, status: 503, error });

describe('state changes of a monitor', () => {
  it('are where the results turn, newest first, from results given newest first', () => {
    const recent = [ok(9000), ok(8000), failed(7000), failed(6000), failed(5000), ok(4000), ok(3000)];
    expect(stateChanges(recent)).toEqual([
      { at: 8000, to: 'passing', failedChecks: 3, failingFor: 3000 },
      { at: 5000, to: 'failing', error: '[STATUS] was 503, expected 200' },
    ]);
  });

  it('count a failure already under way when the window starts, and none when nothing turned', () => {
    expect(stateChanges([ok(3000), failed(2000), failed(1000)])).toEqual([{ at: 3000, to: 'passing', failedChecks: 2, failingFor: 2000 }]);
    expect(stateChanges([ok(2000), ok(1000)])).toEqual([]);
    expect(stateChanges([failed(2000, null), ok(1000)])).toEqual([{ at: 2000, to: 'failing', error: 'status 503' }]);
  });
});
