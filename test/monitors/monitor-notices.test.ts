import { describe, expect, it } from 'vitest';
import { monitorNotice, monitorProblems, offlineNotice } from '../../main/engine/monitors/domain/monitor-notices';
import { initialState } from '../../main/engine/monitors/domain/monitor-state';

const subject = { id: 7, name: 'heroforge ready', target: 'https://heroforge.example.com/health/ready', severity: 'P1' };
const base = { monitor: 'heroforge ready', target: subject.target, severity: 'P1' };
const T = Date.UTC(2026, 10, 23, 3, 0, 0);

describe('what a person is told about a monitor', () => {
  it('says what is down and for how long, with the failed condition and the last error', () => {
    const notice = monitorNotice(
      { ...base, type: 'down', at: T, since: T - 150_000, error: 'HTTP 503 Service Unavailable', failedConditions: ['[STATUS] was 503, expected 200'] },
      subject,
    )!;
    expect(notice.title).toBe('heroforge ready is down for 2m 30s');
    expect(notice.body).toBe(['[STATUS] was 503, expected 200', 'Last error: HTTP 503 Service Unavailable', subject.target].join('\n'));
    expect(notice).toMatchObject({ key: `monitor:7:down:${T - 150_000}`, scope: 'monitor:7', severity: 'P1', target: { kind: 'monitor', id: '7' } });
  });

  it('does not repeat the error when it is the failed condition itself, and names transport errors', () => {
    const same = monitorNotice({ ...base, type: 'down', at: T, since: T, error: '[BODY].status was down, expected ok', failedConditions: ['[BODY].status was down, expected ok'] }, subject)!;
    expect(same.title).toBe('heroforge ready is down');
    expect(same.body).toBe(`[BODY].status was down, expected ok\n${subject.target}`);
    const refused = monitorNotice({ ...base, type: 'down', at: T, since: T - 60_000, error: 'connection refused by 127.0.0.1:9', failedConditions: [] }, subject)!;
    expect(refused.body.split('\n')[0]).toBe('connection refused by 127.0.0.1:9');
  });

  it('announces recovery with the outage duration, reminders and one flapping notice, each under its own key', () => {
    const recovered = monitorNotice({ ...base, type: 'recovered', at: T, since: T - 3_723_000, durationMs: 3_723_000 }, subject)!;
    expect(recovered.title).toBe('heroforge ready is back up');
    expect(recovered.body).toContain('It was down for 1h 2m.');
    expect(recovered.key).toBe(`monitor:7:recovered:${T - 3_723_000}`);
    const reminder = monitorNotice({ ...base, type: 'reminder', at: T, since: T - 1_800_000, downForMs: 1_800_000, error: 'timed out' }, subject)!;
    expect(reminder.title).toBe('heroforge ready is still down after 30m');
    expect(reminder.key).not.toBe(monitorNotice({ ...base, type: 'reminder', at: T + 1, since: T - 1_800_000, downForMs: 1_800_001, error: 'timed out' }, subject)!.key);
    const flapping = monitorNotice({ ...base, type: 'flapping', at: T, changes: 4, windowMs: 600_000, status: 'down' }, subject)!;
    expect(flapping.title).toBe('heroforge ready is flapping');
    expect(monitorNotice({ ...base, type: 'flapping-ended', at: T, status: 'up' }, subject)).toBeNull();
    expect(offlineNotice(T)).toMatchObject({ title: 'You are offline', key: `offline:${T}`, scope: 'offline' });
  });

  it('lists down and flapping monitors, the offline state and a broken file as tray problems', () => {
    const down = { ...initialState(), status: 'down' as const, outageSince: T - 60_000, lastError: 'HTTP 503' };
    const flapping = { ...initialState(), status: 'up' as const, flapping: true, changes: [T - 120_000, T - 60_000] };
    const up = { ...initialState(), status: 'up' as const };
    const problems = monitorProblems(
      [
        { id: 1, name: 'api', state: down },
        { id: 2, name: 'db', state: flapping },
        { id: 3, name: 'web', state: up },
        { id: 4, name: 'not loaded', state: undefined },
      ],
      T - 5_000,
      { label: "monitors.yaml:12: monitor 'api': interval must be at least 1s, not '0s'", since: T - 1_000 },
    );
    expect(problems).toEqual([
      { key: 'monitors:offline', label: 'You are offline: monitors are on hold', level: 'unknown', since: T - 5_000, target: { kind: 'monitor', id: 'offline' } },
      { key: 'monitors:config', label: "monitors.yaml:12: monitor 'api': interval must be at least 1s, not '0s'", level: 'degraded', since: T - 1_000, target: { kind: 'monitor', id: 'config' } },
      { key: 'monitor:1', label: 'api: HTTP 503', level: 'down', since: T - 60_000, target: { kind: 'monitor', id: '1' } },
      { key: 'monitor:2', label: 'db: flapping between up and down', level: 'degraded', since: T - 120_000, target: { kind: 'monitor', id: '2' } },
    ]);
  });
});
