import { describe, expect, it } from 'vitest';
import { MONITOR_FIELD_LIMITS } from '../../preload/contract';
import { ConfigError, formatIssue } from '../../main/engine/lib/config/config-errors';
import { parseMonitorConfig } from '../../main/engine/monitors/config-loader';

function problems(monitor: Record<string, unknown>): string[] {
  const lines = Object.entries({ name: 'api', url: 'https://api.example.com/health', ...monitor }).map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`);
  const text = `monitors:\n  - ${lines.join('\n').trimStart()}\n`;
  try {
    parseMonitorConfig(text, 'monitors.yaml');
    return [];
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return err.issues.map(formatIssue);
  }
}

function loads(monitor: Record<string, unknown>) {
  return parseMonitorConfig(`monitors:\n  - ${JSON.stringify({ name: 'api', url: 'https://api.example.com/health', ...monitor })}\n`, 'monitors.yaml').monitors[0];
}

describe('durations in the monitors file', () => {
  it.each([
    ['interval', '30d', 'interval must be at most 7d'],
    ['timeout', '299999999d', 'timeout must be at most 5m'],
    ['timeout', '999999999999999999999999d', 'timeout must be at most 5m'],
    ['for', '8d', 'for must be at most 7d'],
    ['reminder-every', '30d', 'reminder-every must be at most 7d'],
    ['jitter', '2h', 'jitter must be at most 1h'],
  ])('refuses %s: %s, saying the maximum', (field, value, message) => {
    expect(problems({ [field]: value })).toEqual([expect.stringMatching(new RegExp(`^monitors\\.yaml:\\d+:5: monitor 'api': ${message}, not '${value}'$`))]);
  });

  it('accepts each maximum', () => {
    expect(loads({ interval: '7d', timeout: '5m', for: '7d', 'reminder-every': '7d', jitter: '1h' })).toMatchObject({
      intervalMs: 7 * 86_400_000,
      timeoutMs: 300_000,
      forMs: 7 * 86_400_000,
      reminderEveryMs: 7 * 86_400_000,
      jitterMs: 3_600_000,
    });
  });

  it('keeps the lower bounds', () => {
    expect(problems({ interval: '500ms', timeout: '0s' })).toEqual([
      "monitors.yaml:4:5: monitor 'api': interval must be at least 1s, not '500ms'",
      "monitors.yaml:5:5: monitor 'api': timeout must be more than 0",
    ]);
  });

  it('does not read thousands of digits as a duration', () => {
    expect(problems({ interval: `${'9'.repeat(5000)}d` })).toEqual([expect.stringMatching(/interval '9{59}…' is not a duration/)]);
  });
});

describe('text fields are held to the Monitors window limits', () => {
  const limits = MONITOR_FIELD_LIMITS;
  it.each([
    ['name', 'x'.repeat(limits.name + 1), `name must be at most ${limits.name} characters long, not ${limits.name + 1}`],
    ['url', `https://a.example.com/${'p'.repeat(limits.url)}`, `url must be at most ${limits.url} characters long`],
    ['method', 'G'.repeat(limits.method + 1), `method must be at most ${limits.method} characters long`],
    ['severity', 'P'.repeat(limits.severity + 1), `severity must be at most ${limits.severity} characters long`],
    ['service', 's'.repeat(limits.service + 1), `service must be at most ${limits.service} characters long`],
    ['failure-threshold', limits.threshold + 1, `failure-threshold must be at most ${limits.threshold}`],
    ['conditions', Array(limits.conditions + 1).fill('[STATUS] == 200'), `conditions may list at most ${limits.conditions} entries, not ${limits.conditions + 1}`],
    ['conditions', [`[BODY] == ${'x'.repeat(limits.condition)}`], `conditions\\[0\\] must be at most ${limits.condition} characters long`],
    ['headers', { 'X-Big': 'v'.repeat(limits.headerValue + 1) }, `headers\\.X-Big must be at most ${limits.headerValue} characters long`],
    ['interval', '1h1m1s1h1m1s1h1m1s1h1m', `interval must be at most ${limits.duration} characters long`],
  ])('%s', (field, value, message) => {
    const found = problems({ [field]: value });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(message));
    // People read these: a long value is cut short, never echoed whole.
    expect(found[0].length).toBeLessThan(300);
  });

  it('accepts values at the limits', () => {
    expect(loads({ name: 'x'.repeat(limits.name), 'failure-threshold': limits.threshold }).name).toHaveLength(limits.name);
  });

  // A check that read the whole name (or echoed it) would take minutes and megabytes; the default test timeout catches that.
  it('checks a 4 MB name by its length, and says so in a short message', () => {
    const found = problems({ name: 'n'.repeat(4 * 2 ** 20) });
    expect(found).toEqual([expect.stringMatching(/name must be at most 120 characters long, not 4,194,304$/)]);
    expect(found[0].length).toBeLessThan(300);
  });
});
