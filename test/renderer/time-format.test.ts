import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatAgo, formatClockTime, formatCompactAge, formatCountdown, formatDateTime, formatDayMonth, formatDuration, formatZone, plural } from '../../main/shared/time-format';

// A fixed clock: 28 Nov 2026, 13:05:09 UTC.
const NOW = Date.UTC(2026, 10, 28, 13, 5, 9);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('absolute times', () => {
  it('always name the zone as an offset from UTC', () => {
    expect(formatDateTime(NOW, { timeZone: 'Europe/Berlin' })).toBe('28 Nov 2026, 14:05 UTC+1');
    expect(formatDateTime(NOW, { timeZone: 'UTC' })).toBe('28 Nov 2026, 13:05 UTC');
    expect(formatDateTime(NOW, { timeZone: 'Asia/Kolkata' })).toBe('28 Nov 2026, 18:35 UTC+5:30');
    expect(formatDateTime(NOW, { timeZone: 'America/New_York' })).toBe('28 Nov 2026, 08:05 UTC-5');
  });

  it('follow summer time and the date line', () => {
    expect(formatDateTime(Date.UTC(2026, 6, 1, 22, 30), { timeZone: 'Europe/Berlin' })).toBe('2 Jul 2026, 00:30 UTC+2');
    expect(formatDateTime(Date.UTC(2026, 8, 5, 9, 0), { timeZone: 'UTC' })).toBe('5 Sep 2026, 09:00 UTC');
  });

  it('show seconds when asked', () => {
    expect(formatDateTime(NOW, { timeZone: 'Europe/Berlin', seconds: true })).toBe('28 Nov 2026, 14:05:09 UTC+1');
  });

  describe('without a zone given', () => {
    const saved = process.env.TZ;
    beforeEach(() => {
      process.env.TZ = 'Europe/Paris';
    });
    afterEach(() => {
      process.env.TZ = saved;
    });
    it('use the zone of the runtime', () => {
      expect(formatDateTime(NOW)).toBe('28 Nov 2026, 14:05 UTC+1');
    });
  });
});

describe('relative ages', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('say "just now" under a minute, never "just now ago"', () => {
    expect(formatAgo(Date.now() - 10 * SECOND, Date.now())).toBe('just now');
    expect(formatAgo(Date.now() + 5 * SECOND, Date.now())).toBe('just now');
    expect(formatAgo(Date.now() - 3 * MINUTE, Date.now())).toBe('3 min ago');
    expect(formatAgo(Date.now() - (HOUR + 5 * MINUTE), Date.now())).toBe('1 h 5 min ago');
    expect(formatAgo(Date.now() - 50 * HOUR, Date.now())).toBe('2 d 2 h ago');
    for (const age of [0, 59 * SECOND, MINUTE, 3 * HOUR]) expect(formatAgo(Date.now() - age, Date.now())).not.toContain('just now ago');
  });
});

describe('durations', () => {
  it('give the two largest units, rounded down', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(45 * SECOND + 900)).toBe('45 s');
    expect(formatDuration(3 * MINUTE + 59 * SECOND)).toBe('3 min');
    expect(formatDuration(HOUR + 5 * MINUTE)).toBe('1 h 5 min');
    expect(formatDuration(2 * HOUR)).toBe('2 h');
    expect(formatDuration(27 * HOUR)).toBe('1 d 3 h');
    expect(formatDuration(48 * HOUR)).toBe('2 d');
    expect(formatDuration(-5 * SECOND)).toBe('0 s');
  });

  it('count down to a deadline and past it', () => {
    expect(formatCountdown(NOW + 4 * MINUTE + 5 * SECOND, NOW)).toBe('in 4:05');
    expect(formatCountdown(NOW - 12 * MINUTE - 30 * SECOND, NOW)).toBe('overdue 12:30');
    expect(formatCountdown(NOW + 2 * HOUR + 5 * MINUTE, NOW)).toBe('in 2 h 5 min');
    expect(formatCountdown(NOW, NOW)).toBe('in 0:00');
  });

  it('have a compact form for the tray and the CLI', () => {
    expect(formatCompactAge(30 * SECOND)).toBe('0m');
    expect(formatCompactAge(7 * MINUTE)).toBe('7m');
    expect(formatCompactAge(HOUR + 5 * MINUTE)).toBe('1h 5m');
    expect(formatCompactAge(2 * HOUR)).toBe('2h');
    expect(formatCompactAge(50 * HOUR)).toBe('2d');
  });
});

describe('counts', () => {
  it('agree with their number', () => {
    expect(plural(1, 'step')).toBe('1 step');
    expect(plural(2, 'step')).toBe('2 steps');
    expect(plural(0, 'step')).toBe('0 steps');
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
  });
});

describe('chart axes', () => {
  it('label ticks briefly and name the zone once', () => {
    expect(formatClockTime(NOW, 'Europe/Berlin')).toBe('14:05');
    expect(formatDayMonth(NOW, 'Europe/Berlin')).toBe('28 Nov');
    expect(formatZone(NOW, 'Europe/Berlin')).toBe('UTC+1');
    expect(formatZone(NOW, 'UTC')).toBe('UTC');
  });
});
