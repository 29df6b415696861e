import { describe, expect, it } from 'vitest';
import type { MonitorsOverview, MonitorSummary } from '../../preload/contract';
import { merged } from '../../renderer/store/monitor-list-merge';

const row = (id: number, status: MonitorSummary['status'] = 'up'): MonitorSummary => ({
  id, name: `m${id}`, source: 'file', kind: 'http', target: `http://127.0.0.1/${id}`, intervalMs: 60_000, severity: null, service: null,
  status, flapping: false, since: null, lastCheckAt: 1, lastLatencyMs: 1, lastStatusCode: 200, lastError: null, uptime24h: 1,
  sparkline: [], sparklineFailures: [], snoozedUntil: null, incidentId: null, problem: null,
});
const overview = (monitors: MonitorSummary[], extra: Partial<MonitorsOverview> = {}): MonitorsOverview => ({
  monitors, total: monitors.length, down: 0, cursor: 'r.1', partial: false,
  config: { path: null, isDefault: false, exists: false, loadedAt: null, monitors: 0, issues: [], running: true }, offlineSince: null, snoozedUntil: null, ...extra,
});

describe('merging the monitors changed since a cursor into the list held', () => {
  const last = overview([row(1), row(2), row(3)]);

  it('replaces the changed rows where they stand and takes the new totals and cursor', () => {
    const next = merged(last, overview([row(2, 'down')], { total: 3, down: 1, cursor: 'r.7', partial: true }))!;
    expect(next.monitors.map((m) => [m.id, m.status])).toEqual([[1, 'up'], [2, 'down'], [3, 'up']]);
    expect(next).toMatchObject({ down: 1, cursor: 'r.7', partial: false });
    expect(next.monitors[0]).toBe(last.monitors[0]);
  });

  it('keeps the same rows (the same array) when nothing changed', () => {
    const next = merged(last, overview([], { total: 3, cursor: 'r.2', partial: true }))!;
    expect(next.monitors).toBe(last.monitors);
    expect(next.cursor).toBe('r.2');
  });

  it('gives up, for the whole list to be read, when the changes name a row it does not hold or the count differs', () => {
    expect(merged(last, overview([row(9)], { total: 3, partial: true }))).toBeNull();
    expect(merged(last, overview([row(1)], { total: 4, partial: true }))).toBeNull();
  });
});
