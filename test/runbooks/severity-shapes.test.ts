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
    // "1 business day" is a response counted in business days: no minutes, and nothing to warn about.
    expect(importFixture('severity-table-letters.md').warnings).toEqual([]);
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

const md = (...lines: string[]) => lines.join('\n');
const read = (text: string) => importRunbook(text).severities.map((s) => [s.name, s.label, s.responseMinutes, s.updateCadenceMinutes]);

describe('severities from runbooks the importer had not seen', () => {
  it('keeps a bold level whose response is in business days, with no minutes and no warning', () => {
    for (const when of ['Respond within 1 business day.', 'Respond within one business day.', 'Respond next business day.']) {
      const x = importRunbook(md('## Severity', '', '**P1 (Critical)**: down. Respond within 10 minutes.', '', `**P3 (Minor)**: one dashboard broken. ${when}`));
      expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes, s.responseText])).toEqual([
        ['P1', 'Critical', 10, 'Respond within 10 minutes'],
        ['P3', 'Minor', null, when.replace(/\.$/, '')],
      ]);
      expect(x.warnings).toEqual([]);
      // In the scheme, the level's clock runs by the team's business hours.
      expect(schemeFromRunbook(x, 'imported')?.levels.map((l) => l.responseClock)).toEqual([undefined, 'next-business-day']);
    }
  });

  it('reads levels written as a nested list, each nested item belonging to its own level only', () => {
    const x = importRunbook(
      md(
        '## Severity definitions',
        '',
        '- SEV1',
        '  - Response: 5 minutes',
        '  - Updates: every 15 minutes',
        '  - Examples: checkout down, data loss',
        '- SEV2',
        '  - Response: 30 minutes',
        '  - Updates: every hour',
        '- SEV3',
        '  - Response: 1 business day',
      ),
    );
    expect(x.severities.map((s) => [s.name, s.responseMinutes, s.updateCadenceMinutes, s.examples])).toEqual([
      ['SEV1', 5, 15, ['checkout down', 'data loss']],
      ['SEV2', 30, 60, []],
      ['SEV3', null, null, []],
    ]);
    // SEV1's "Updates: every 15 minutes" is SEV1's, not the whole document's.
    expect(x.updateCadenceMinutes).toBeNull();
    expect(x.warnings).toEqual([]);
  });

  it('reads a nested list under bold or plain level names with their labels', () => {
    const nested = (first: string, second: string) =>
      read(md('## Severity', '', first, '  - Response: 5 minutes', '  - Updates: every 15 minutes', second, '  - **Response**: 30 minutes'));
    const expected = [
      ['SEV1', 'Critical', 5, 15],
      ['SEV2', 'Major', 30, null],
    ];
    expect(nested('- **SEV1 — Critical**', '- **SEV2 — Major**')).toEqual(expected);
    expect(nested('- SEV1 (Critical):', '- SEV2 (Major):')).toEqual(expected);
    expect(nested('- SEV1 — Critical', '- SEV2 — Major')).toEqual(expected);
    expect(nested('- **SEV1** (Critical)', '- **SEV2** (Major)')).toEqual(expected);
  });

  it('takes no plain bullet under a severity heading for a level unless it names one alone and says how fast to respond', () => {
    const x = importRunbook(
      md(
        '## Severity',
        '',
        '- High error rates: check the dashboard first',
        '- Critical path services are listed below',
        '- P1: page the incident commander',
        '- Post updates every 30 minutes in #incidents',
        '',
        '## Levels',
        '',
        '- Critical: respond within 5 minutes',
        '- Minor - respond next business day',
      ),
    );
    expect(x.severities.map((s) => [s.name, s.responseMinutes, s.responseText])).toEqual([
      ['Critical', 5, 'respond within 5 minutes'],
      ['Minor', null, 'respond next business day'],
    ]);
    expect(x.updateCadenceMinutes).toBe(30);
  });

  it('reads the update cadence and escalation stated in a bold level\'s further sentences', () => {
    for (const text of [
      '**P1 (Critical)**: checkout down. Respond within 10 minutes. Updates every 30 minutes. Escalate to the Head of Data after 45 minutes.',
      '**P1 (Critical)**: checkout down. Acknowledge within 10 minutes; post updates every 30 minutes; escalate to the Head of Data after 45 minutes.',
    ]) {
      const [p1] = importRunbook(md('## Severity', '', text)).severities;
      expect([p1.responseMinutes, p1.updateCadenceMinutes, p1.escalation, p1.escalateAfterMinutes]).toEqual([
        10,
        30,
        expect.stringMatching(/^[Ee]scalate to the Head of Data after 45 minutes$/),
        45,
      ]);
    }
  });

  it('takes a severity table\'s name column as the label and its page column as who is notified', () => {
    const x = importRunbook(
      md('## Severity', '', '| Level | Name | Ack within | Update every | Page |', '|---|---|---|---|---|', '| S1 | Outage | 15 min | 30 min | Primary + IC |', '| S2 | Degraded | 1 hr | 2 hrs | Primary |'),
    );
    expect(x.severities.map((s) => [s.name, s.label, s.responseMinutes, s.updateCadenceMinutes, s.notify])).toEqual([
      ['S1', 'Outage', 15, 30, 'Primary + IC'],
      ['S2', 'Degraded', 60, 120, 'Primary'],
    ]);
    const label = (heading: string, level: string, name: string, response: string) =>
      importRunbook(md(`## ${heading}`, '', `| ${level} | ${name} | ${response} |`, '|---|---|---|', '| P1 | Outage | 15 min |')).severities.map((s) => s.label);
    expect(label('Schweregrade', 'Stufe', 'Bezeichnung', 'Reaktionszeit')).toEqual(['Outage']);
    expect(label('Niveles de severidad', 'Nivel', 'Nombre', 'Tiempo de respuesta')).toEqual(['Outage']);
    expect(label('Severity', 'Severity', 'Label', 'Response')).toEqual(['Outage']);
    expect(label('Severity', 'Severity', 'Title', 'Response')).toEqual(['Outage']);
    // A lone "Name" column still names the levels themselves.
    expect(read(md('## Severity', '', '| Name | Response time |', '|---|---|', '| Critical | 10 min |'))).toEqual([['Critical', '', 10, null]]);
  });

  it('reads cadences written as one word: hourly, daily, täglich, diario', () => {
    const x = importRunbook(
      md('## Severity', '', '| Level | Response | Updates |', '|---|---|---|', '| P1 | 15 min | hourly |', '| P2 | 1 hour | daily |', '| P3 | 4 hours | täglich |', '| P4 | 1 day | diario |'),
    );
    expect(x.severities.map((s) => s.updateCadenceMinutes)).toEqual([60, 1440, 1440, 1440]);
    expect(importRunbook(md('### SEV1 — Outage', '', 'Respond within 5 minutes. Post hourly updates to the status page.')).severities[0].updateCadenceMinutes).toBe(60);
  });
});
