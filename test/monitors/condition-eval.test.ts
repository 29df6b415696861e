import { describe, expect, it } from 'vitest';
import { evaluate } from '../../main/engine/monitors/domain/condition-eval';
import { parseCondition } from '../../main/engine/monitors/domain/condition-parser';
import type { ConditionInput } from '../../main/engine/monitors/domain/condition-types';
import { formatDuration, parseByteSize, parseDuration } from '../../main/engine/lib/config/duration';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

function check(condition: string, input: Partial<ConditionInput>) {
  return evaluate(parseCondition(condition), { checkedAt: NOW, responseTimeMs: 120, ...input });
}

const health = JSON.stringify({ status: 'ok', checks: { database: 'up', cache: 'down' }, errors: [], items: [{ name: 'web', replicas: 3 }], version: '1.4.2', ratio: '0.5' });

describe('evaluate', () => {
  it('passes and fails status checks with a sentence saying what was seen', () => {
    expect(check('[STATUS] == 200', { status: 200 })).toEqual({ ok: true, description: '[STATUS] was 200' });
    expect(check('[STATUS] == 200', { status: 503 })).toEqual({ ok: false, description: '[STATUS] was 503, expected 200' });
    expect(check('[STATUS] == any(200, 204)', { status: 204 }).ok).toBe(true);
    expect(check('[STATUS] == any(200, 204)', { status: 500 }).description).toBe('[STATUS] was 500, expected one of 200, 204');
    expect(check('[STATUS] != 500', { status: 500 }).description).toBe('[STATUS] was 500, expected anything but 500');
    expect(check('[STATUS] == 200', {}).description).toBe('[STATUS] is unknown: no HTTP response was received');
  });

  it('compares response time and certificate expiry as durations', () => {
    expect(check('[RESPONSE_TIME] < 2000', { responseTimeMs: 2350 }).description).toBe('[RESPONSE_TIME] was 2350 ms, expected < 2000');
    expect(check('[RESPONSE_TIME] < 2s', { responseTimeMs: 1999 }).ok).toBe(true);
    expect(check('[CERTIFICATE_EXPIRATION] > 14d', { certificateExpiresAt: NOW + 30 * DAY }).ok).toBe(true);
    expect(check('[CERTIFICATE_EXPIRATION] > 14d', { certificateExpiresAt: NOW + 3 * DAY + 4 * 3_600_000 }).description).toBe(
      '[CERTIFICATE_EXPIRATION] was 3d 4h, expected > 14d',
    );
    expect(check('[CERTIFICATE_EXPIRATION] > 14d', { certificateExpiresAt: NOW - 2 * DAY }).description).toBe(
      '[CERTIFICATE_EXPIRATION] was expired 2d ago, expected > 14d',
    );
    expect(check('[CERTIFICATE_EXPIRATION] > 14d', {}).description).toContain('no TLS certificate');
  });

  it('walks JSON bodies', () => {
    expect(check('[BODY].status == ok', { body: health }).ok).toBe(true);
    expect(check('[BODY].checks.database == up', { body: health }).ok).toBe(true);
    expect(check('[BODY].checks.cache == up', { body: health }).description).toBe('[BODY].checks.cache was "down", expected up');
    expect(check('[BODY].checks.queue == up', { body: health }).description).toBe('[BODY].checks.queue is missing from the response');
    expect(check('[BODY].items[0].name == web', { body: health }).ok).toBe(true);
    expect(check('[BODY].items[0].replicas >= 2', { body: health }).ok).toBe(true);
    expect(check('[BODY].items[1].name == web', { body: health }).ok).toBe(false);
    expect(check('[BODY].ratio < 0.6', { body: health }).ok).toBe(true);
    expect(check('[BODY].version == pat(1.4.*)', { body: health }).ok).toBe(true);
    expect(check('[BODY].version == pat(2.*)', { body: health }).description).toBe('[BODY].version was "1.4.2", expected to match pat(2.*)');
    expect(check('[BODY].status > 3', { body: health }).description).toBe('[BODY].status was "ok", not a number to compare with > 3');
  });

  it('measures with len() and tests presence with has()', () => {
    expect(check('len([BODY].errors) == 0', { body: health }).ok).toBe(true);
    expect(check('len([BODY].errors) == 0', { body: JSON.stringify({ errors: ['disk', 'db'] }) }).description).toBe('len([BODY].errors) was 2, expected 0');
    expect(check('len([BODY].checks) == 2', { body: health }).ok).toBe(true);
    expect(check('has([BODY].errors) == true', { body: health }).ok).toBe(true);
    expect(check('has([BODY].warnings) == false', { body: health }).ok).toBe(true);
  });

  it('searches text with contains and reports bodies that are not JSON', () => {
    expect(check('[BODY] contains "ready"', { body: 'service is ready' }).ok).toBe(true);
    expect(check('[BODY] contains "ready"', { body: 'starting' })).toEqual({ ok: false, description: '[BODY] does not contain "ready"' });
    expect(check('[BODY].items contains x', { body: JSON.stringify({ items: ['x', 'y'] }) }).ok).toBe(true);
    const broken = check('[BODY].status == ok', { body: '<html>502 Bad Gateway</html>' });
    expect(broken.ok).toBe(false);
    expect(broken.description).toMatch(/^\[BODY\]\.status cannot be read: the response body is not valid JSON/);
  });

  it('checks TCP connections and query values', () => {
    expect(check('[CONNECTED] == true', { connected: true }).ok).toBe(true);
    expect(check('[CONNECTED] == true', { connected: false }).description).toBe('[CONNECTED] was false, expected true');
    expect(check('[VALUE] < 0.05', { value: 0.07 }).description).toBe('[VALUE] was 0.07, expected < 0.05');
    expect(check('[VALUE] < 0.05', {}).ok).toBe(false);
  });
});

describe('durations and sizes', () => {
  it('parses the units of the config file', () => {
    expect([parseDuration('500ms'), parseDuration('30s'), parseDuration('5m'), parseDuration('1h'), parseDuration('14d')]).toEqual([500, 30_000, 300_000, 3_600_000, 14 * DAY]);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect([parseDuration('30x'), parseDuration('30'), parseDuration(''), parseDuration('s')]).toEqual([null, null, null, null]);
    expect(formatDuration(150_000)).toBe('2m 30s');
    expect(formatDuration(850)).toBe('850 ms');
    expect([parseByteSize('1mb'), parseByteSize('512KB'), parseByteSize('100'), parseByteSize('lots')]).toEqual([1_048_576, 524_288, 100, null]);
  });
});
