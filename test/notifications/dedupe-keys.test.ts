import { afterEach, describe, expect, it, vi } from 'vitest';
import { monitorNotice, offlineNotice } from '../../main/engine/monitors/domain/monitor-notices';
import type { MonitorEvent } from '../../main/engine/monitors/monitor-service';

const T = Date.UTC(2026, 10, 23, 3, 0, 0);
const subject = { id: 7, name: 'api', target: 'https://api.example.com/health', severity: 'P1' };
const base = { monitor: 'api', target: subject.target, severity: 'P1' };
const events: MonitorEvent[] = [
  { ...base, type: 'down', at: T, since: T - 60_000, error: 'HTTP 503', failedConditions: [] },
  { ...base, type: 'reminder', at: T + 1_800_000, since: T - 60_000, downForMs: 1_860_000, error: 'HTTP 503' },
  { ...base, type: 'recovered', at: T + 3_600_000, since: T - 60_000, durationMs: 3_660_000 },
  { ...base, type: 'flapping', at: T + 60_000, changes: 4, windowMs: 600_000, status: 'down' },
];

// A key names the event, so the same event raised again (a second engine, a retried call) is shown once.
describe('notification keys come from the event, never from the time of asking', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the same monitor and offline keys whenever they are computed', () => {
    const keys = () => [...events.map((e) => monitorNotice(e, subject)!.key), offlineNotice(T).key];
    vi.useFakeTimers({ now: T });
    const early = keys();
    vi.setSystemTime(T + 86_400_000);
    expect(keys()).toEqual(early);
    expect(new Set(early).size).toBe(early.length);
  });
});
