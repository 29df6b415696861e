import { describe, expect, it } from 'vitest';
import { schemeFromRunbook } from '../../main/engine/runbooks/domain/pack-content';
import { checkScheme } from '../../preload/contract';
import { importRunbook } from '../../main/engine/runbooks/importer';
import { importFixture, runbookText } from './runbooks';

// Severity levels as teams write them: one heading per level with plain fields, bold names in
// prose, tables keyed by letters, S-numbers or names, headers in German, French and Spanish,
// HTML tables. Each fixture is in test/fixtures/runbooks.
const levels = (file: string) => importFixture(file).severities.map((s) => [s.name, s.label, s.responseMinutes, s.updateCadenceMinutes]);

describe('severity levels in every shape', () => {
  it('reads one heading per level with plain "Response time:" lines', () => {
    const x = importFixture('severity-headings-plain.md');
    expect(levels('severity-headings-plain.md')).toEqual([
      ['SEV1', 'Checkout down', 15, 30],
      ['SEV2', 'Checkout degraded', 60, null],
      ['SEV3', 'Minor', null, null],
    ]);
    expect(x.severities[0].definition).toBe('Customers cannot pay. Page the incident commander.');
    expect(x.severities[2].responseText).toBe('next business day');
    expect(x.warnings).toEqual([]);
  });

  it('reads bold level names followed by prose that says how fast to respond', () => {
    const x = importFixture('severity-bold-prose.md');
    expect(levels('severity-bold-prose.md')).toEqual([
      ['Critical', '', 10, 20],
      ['Major', '', 30, null],
      ['Minor', '', 240, null],
    ]);
    expect(x.severities[0].definition).toBe('Search returns errors for everyone. Respond within 10 minutes and open a bridge.');
    // "every 20 minutes while a Critical incident is open" is Critical's cadence, not everyone's.
    expect(x.updateCadenceMinutes).toBeNull();
  });

  it('reads tables keyed by letters, S-numbers and names', () => {
    expect(levels('severity-table-letters.md')).toEqual([
      ['A', '', 15, null],
      ['B', '', 60, null],
      ['C', '', null, null],
    ]);
    expect(importFixture('severity-table-letters.md').warnings).toEqual([
      'line 9: the response time "1 business day" of C is not a duration in minutes, hours or days; set it after import',
    ]);
    expect(levels('severity-table-s-levels.md')).toEqual([
      ['S1', '', 5, 15],
      ['S2', '', 30, 60],
      ['S3', '', 240, null],
    ]);
    expect(levels('severity-table-named.md')).toEqual([
      ['High', '', 30, null],
      ['Medium', '', 240, null],
      ['Low', '', 4320, null],
      ['Critical', '', 0, null],
      ['Major', '', 120, null],
      ['Minor', '', 2880, null],
    ]);
  });

  it('reads tables whose headers and durations are German, French or Spanish', () => {
    expect(levels('severity-german.md')).toEqual([
      ['Kritisch', '', 15, null],
      ['Hoch', '', 60, null],
      ['Mittel', '', 240, null],
      ['Niedrig', '', 2880, null],
    ]);
    expect(importFixture('severity-german.md').severities[0].definition).toBe('Zahlungen für alle Kunden fehlgeschlagen');
    expect(levels('severity-french.md')).toEqual([
      ['Critique', '', 0, null],
      ['Majeure', '', 30, null],
      ['Mineure', '', 1440, null],
    ]);
    expect(levels('severity-spanish.md')).toEqual([
      ['Crítica', '', 10, null],
      ['Alta', '', 60, null],
      ['Baja', '', 4320, null],
    ]);
  });

  it('reads a severity table written in HTML, a blank line inside it included', () => {
    const x = importFixture('severity-html-table.md');
    expect(levels('severity-html-table.md')).toEqual([
      ['P1', 'Outage', 15, null],
      ['P2', 'Degraded', 60, null],
      ['P3', 'Minor', null, null],
    ]);
    expect(x.severities[1].definition).toBe('Push notifications delayed > 10 minutes');
    expect(x.severities.map((s) => s.line)).toEqual([10, 12, 13]);
    expect(x.warnings).toEqual([]);
  });

  it('gives named levels a usable scheme: the name is the key and the label', () => {
    const scheme = schemeFromRunbook(importFixture('severity-german.md'), 'imported-payments');
    expect(scheme?.levels.map((l) => [l.key, l.name, l.responseMinutes])).toEqual([
      ['Kritisch', 'Kritisch', 15],
      ['Hoch', 'Hoch', 60],
      ['Mittel', 'Mittel', 240],
      ['Niedrig', 'Niedrig', 2880],
    ]);
  });
});

describe('escalation chains and business days in the scheme', () => {
  it('turns an escalation path with a time per person into each level chain, and "next business day" into its clock', () => {
    const x = importRunbook(runbookText('gitquest-incident-playbook.md'));
    const scheme = schemeFromRunbook(x, 'imported-gitquest');
    const chain = [
      { afterMinutes: 15, to: 'On-call engineer' },
      { afterMinutes: 30, to: 'Team lead' },
      { afterMinutes: 60, to: 'Engineering manager' },
      { afterMinutes: 120, to: 'CTO' },
    ];
    expect(scheme?.levels.map((l) => [l.key, l.escalation, l.responseClock])).toEqual([
      ['SEV-1', chain, undefined],
      ['SEV-2', chain, undefined],
      ['SEV-3', chain, undefined],
      ['SEV-4', chain, 'next-business-day'],
    ]);
    expect(checkScheme(scheme).ok).toBe(true);
  });

  it('keeps a single escalation row as the one escalation of the level, without a chain', () => {
    const x = importRunbook(runbookText('hotdash-incident-response.md'));
    const p1 = schemeFromRunbook(x, 'imported-hotdash')?.levels.find((l) => l.key === 'P1');
    expect(p1?.escalation).toBeUndefined();
  });
});

describe('update cadence', () => {
  it('is read only from sentences about updates: a lock refreshed every 5 seconds sets none', () => {
    const x = importFixture('cadence-false-positives.md');
    expect(x.severities.map((s) => [s.name, s.updateCadenceMinutes])).toEqual([
      ['P1', 45],
      ['P2', null],
    ]);
    expect(x.updateCadenceMinutes).toBeNull();
    expect(x.thresholds).toEqual([]);
  });
});
