import { describe, expect, it } from 'vitest';
import { fillJsonBody, fillTemplate, TemplateError } from '../../main/engine/channels/domain/fill-template';
import { pagerDutySeverity } from '../../main/engine/channels/domain/message-values';
import { nextAttemptAt } from '../../main/engine/channels/domain/retry-plan';

describe('filling channel request templates', () => {
  const values = { title: 'Checkout "502"\nerrors', dedupe_key: 'trayage-7', url: 'https://api.example.test/v2/alerts', secret: 'k/ey' };

  it('escapes values inside JSON strings, so any title gives valid JSON', () => {
    const body = fillJsonBody('{"summary": "{{ title }}", "dedup_key": "{{dedupe_key}}"}', values, 'the request body');
    expect(JSON.parse(body)).toEqual({ summary: 'Checkout "502"\nerrors', dedup_key: 'trayage-7' });
  });

  it('percent-encodes values in URLs but keeps the sealed URL and key as they are', () => {
    expect(fillTemplate('{{url}}/{{title}}/close?key={{secret}}', values, 'url', 'the resolve URL')).toBe(
      'https://api.example.test/v2/alerts/Checkout%20%22502%22%0Aerrors/close?key=k/ey',
    );
    expect(fillTemplate('Bearer {{title}}', values, 'header', 'header Authorization')).toBe('Bearer Checkout "502" errors');
  });

  it('refuses an unknown placeholder and a body that is not JSON once filled, saying where', () => {
    expect(() => fillJsonBody('{"a": "{{titel}}"}', values, 'the request body')).toThrow(TemplateError);
    expect(() => fillJsonBody('{"a": "{{titel}}"}', values, 'the request body')).toThrow(/the request body uses \{\{titel\}\}, which no message has; the placeholders are dedupe_key, secret, title, url\./);
    expect(() => fillJsonBody('{"a": {{title}}}', values, 'the resolve body')).toThrow(/the resolve body is not valid JSON once filled .*put each \{\{placeholder\}\} inside a "string"/);
  });

  it('maps severity keys onto PagerDuty severities', () => {
    expect(['P0', 'P1', 'SEV-1', 'sev1', 'P2', 'SEV2', 'P3', 'P4', 'SEV-4', 'low'].map(pagerDutySeverity)).toEqual([
      'critical', 'critical', 'critical', 'critical', 'error', 'error', 'warning', 'info', 'info', 'info',
    ]);
  });

  it('backs off, then gives up after the last attempt; never retries what cannot succeed', () => {
    expect([1, 2, 3, 4, 5].map((n) => nextAttemptAt(n, true, 0))).toEqual([5_000, 30_000, 120_000, 600_000, 1_800_000]);
    expect(nextAttemptAt(6, true, 0)).toBeNull();
    expect(nextAttemptAt(1, false, 0)).toBeNull();
  });
});
