import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME, READY_MADE_SCHEMES, copyScheme } from '../../main/engine/incidents/domain/scheme-catalog';
import { findLevel, requireLevel, severityRank, validateSeverityScheme } from '../../main/engine/incidents/domain/severity-schemes';

type Row = [key: string, response: number | null, cadence: number | null, escalateAfter: number | null, escalateTo: string[], watch: number | null];

// Expected values written out from the runbooks in shared/runbooks, one table per runbook.
const EXPECTED: Record<string, Row[]> = {
  'p0-p3-hotdash': [
    ['P0', 5, 15, 0, ['CEO'], 120],
    ['P1', 15, null, 15, ['Manager'], 60],
    ['P2', 60, null, 60, ['Manager'], 30],
    ['P3', 1440, null, null, [], null],
  ],
  'p0-p3-healing-guard': [
    ['P0', 15, 15, null, ['Engineering Lead', 'VP Engineering'], null],
    ['P1', 60, null, null, ['Engineering Lead', 'VP Engineering'], null],
    ['P2', 240, null, null, [], null],
    ['P3', 1440, null, null, [], null],
  ],
  'p0-p3-monitoring-system': [
    ['P0', 15, 30, null, ['Manager'], 30],
    ['P1', 60, 60, null, ['Manager'], 30],
    ['P2', 240, 240, null, [], 30],
    ['P3', null, null, null, [], null],
  ],
  'p1-p4-heroforge': [
    ['P1', 15, 30, 15, ['Secondary On-Call', 'Engineering Lead'], null],
    ['P2', 60, 30, null, [], null],
    ['P3', 240, null, null, [], null],
    ['P4', 1440, null, null, [], null],
  ],
  'sev-1-4-gitquest': [
    ['SEV-1', 15, 30, 30, ['Team lead', 'Engineering manager', 'CTO'], null],
    ['SEV-2', 30, 30, 30, ['Team lead', 'Engineering manager', 'CTO'], null],
    ['SEV-3', 120, 30, null, [], null],
    ['SEV-4', null, null, null, [], null],
  ],
};

describe('ready-made severity schemes', () => {
  it('ships one scheme per example runbook, each citing its source', () => {
    expect(READY_MADE_SCHEMES.map((s) => [s.id, s.source])).toEqual([
      ['p0-p3-hotdash', 'hotdash-incident-response.md'],
      ['p0-p3-healing-guard', 'healing-guard-incident-response.md'],
      ['p0-p3-monitoring-system', 'monitoring-system-incident-response.md'],
      ['p1-p4-heroforge', 'heroforge-incident-response.md'],
      ['sev-1-4-gitquest', 'gitquest-incident-playbook.md'],
    ]);
    expect(DEFAULT_SCHEME.id).toBe('p0-p3-hotdash');
  });

  for (const [id, rows] of Object.entries(EXPECTED)) {
    it(`${id} carries the runbook's response, update, escalation and watch times`, () => {
      const scheme = READY_MADE_SCHEMES.find((s) => s.id === id)!;
      expect(
        scheme.levels.map((l) => [l.key, l.responseMinutes, l.updateCadenceMinutes, l.escalateAfterMinutes, l.escalateTo, l.postFixWatchMinutes]),
      ).toEqual(rows);
      expect(validateSeverityScheme(scheme)).toEqual({ ok: true, scheme });
    });
  }

  it('keeps the runbook definitions and examples', () => {
    const p0 = findLevel(DEFAULT_SCHEME, 'p0')!;
    expect(p0.name).toBe('Critical (All hands)');
    expect(p0.definition).toBe('Production completely down, data loss, security breach');
    expect(p0.examples).toEqual(['Database unavailable', 'Application returning 500 errors', 'Secrets exposed']);
    const heroP2 = findLevel(copyScheme('p1-p4-heroforge'), 'P2')!;
    expect(heroP2.examples).toEqual(['Authentication failing', 'Scans not running', 'WebSocket broken']);
  });

  it('hands out copies a team can edit without changing the original', () => {
    const copy = copyScheme('p0-p3-hotdash');
    copy.levels[0].responseMinutes = 1;
    expect(DEFAULT_SCHEME.levels[0].responseMinutes).toBe(5);
    expect(() => {
      (DEFAULT_SCHEME.levels[0] as { responseMinutes: number }).responseMinutes = 1;
    }).toThrow(TypeError);
    expect(() => copyScheme('nope')).toThrow(/no ready-made severity scheme 'nope'.*p0-p3-hotdash/);
  });

  it('finds levels and ranks them without regard to case', () => {
    expect(severityRank(DEFAULT_SCHEME, 'p0')).toBe(0);
    expect(severityRank(DEFAULT_SCHEME, 'P3')).toBe(3);
    expect(severityRank(DEFAULT_SCHEME, 'SEV-1')).toBe(-1);
    expect(() => requireLevel(DEFAULT_SCHEME, 'SEV-1')).toThrow("Severity 'SEV-1' is not in the scheme 'P0–P3 with escalation matrix and post-fix watch'; use one of P0, P1, P2, P3.");
  });
});

describe('validating an edited scheme', () => {
  const edited = () => copyScheme('p0-p3-hotdash');

  it('names the level and field of a bad number', () => {
    const scheme = edited();
    (scheme.levels[1] as { updateCadenceMinutes: number }).updateCadenceMinutes = -5;
    (scheme.levels[2] as { responseMinutes: number }).responseMinutes = 2.5;
    const check = validateSeverityScheme(scheme);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual([
      'Level P1 (level 2), field updateCadenceMinutes: must be 0 or more minutes',
      'Level P2 (level 3), field responseMinutes: must be a whole number of minutes',
    ]);
  });

  it('refuses a zero update cadence, duplicate keys and an escalation with nobody to call', () => {
    const scheme = edited();
    scheme.levels[0].updateCadenceMinutes = 0;
    expect(validateSeverityScheme(scheme)).toEqual({
      ok: false,
      errors: ['Level P0 (level 1), field updateCadenceMinutes: must be at least 1 minute, or empty for none'],
    });
    const twice = edited();
    twice.levels[3].key = 'p2';
    twice.levels[1].escalateTo = [];
    expect(validateSeverityScheme(twice)).toEqual({
      ok: false,
      errors: [
        'Level P1 (level 2), field escalateTo: name who to escalate to, or clear escalateAfterMinutes',
        'Level p2 (level 4), field key: repeats the key of level 3; keys must be unique',
      ],
    });
  });

  it('reports missing keys, unknown fields and empty examples by position', () => {
    const scheme = edited() as unknown as { levels: Record<string, unknown>[] };
    scheme.levels[2].key = '  ';
    scheme.levels[0].colour = 'red';
    scheme.levels[3].examples = ['ok', ''];
    const check = validateSeverityScheme(scheme);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toEqual([
      'Level P0 (level 1): unknown field(s) colour',
      'Level 3, field key: is required',
      'Level P3 (level 4), field examples item 2: must not be empty',
    ]);
  });

  it('needs at least one level', () => {
    expect(validateSeverityScheme({ ...edited(), levels: [] })).toEqual({ ok: false, errors: ['Scheme field levels: must hold at least one level'] });
  });
});
