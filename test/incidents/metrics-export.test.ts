import { describe, expect, it } from 'vitest';
import { csvField, incidentsToCsv, incidentsToJson } from '../../main/engine/incidents/domain/incident-export';
import { incidentMetrics } from '../../main/engine/incidents/domain/metrics';
import { MIN, T0, makeIncident } from './fixtures';

const DAY = 24 * 60 * MIN;

const incidents = [
  makeIncident({ id: 1, severity: 'P1', acknowledgedAt: T0 + 4 * MIN, resolvedAt: T0 + 60 * MIN, status: 'resolved' }),
  makeIncident({ id: 2, severity: 'P1', createdAt: T0 + DAY, acknowledgedAt: T0 + DAY + 10 * MIN, resolvedAt: T0 + DAY + 120 * MIN, status: 'resolved' }),
  makeIncident({ id: 3, severity: 'P1', createdAt: T0 + 2 * DAY, acknowledgedAt: null }),
  makeIncident({ id: 4, severity: 'P0', createdAt: T0 + 3 * DAY, acknowledgedAt: T0 + 3 * DAY + MIN, resolvedAt: T0 + 3 * DAY + 30 * MIN, status: 'resolved' }),
  makeIncident({ id: 5, severity: 'SEV-9', createdAt: T0 + 3 * DAY }),
  makeIncident({ id: 6, severity: 'P0', createdAt: T0 + 10 * DAY, acknowledgedAt: T0 + 10 * DAY + MIN }),
];

describe('incidentMetrics', () => {
  it('gives MTTA and MTTR per severity for incidents declared in the period', () => {
    const report = incidentMetrics(incidents, T0, T0 + 7 * DAY, ['P0', 'P1', 'P2', 'P3']);
    expect(report.bySeverity).toEqual([
      { severity: 'P0', count: 1, acknowledged: 1, resolved: 1, mttaMs: 1 * MIN, mttrMs: 30 * MIN },
      { severity: 'P1', count: 3, acknowledged: 2, resolved: 2, mttaMs: 7 * MIN, mttrMs: 90 * MIN },
      { severity: 'P2', count: 0, acknowledged: 0, resolved: 0, mttaMs: null, mttrMs: null },
      { severity: 'P3', count: 0, acknowledged: 0, resolved: 0, mttaMs: null, mttrMs: null },
      { severity: 'SEV-9', count: 1, acknowledged: 0, resolved: 0, mttaMs: null, mttrMs: null },
    ]);
    expect(report.overall).toEqual({ severity: 'all', count: 5, acknowledged: 3, resolved: 3, mttaMs: 5 * MIN, mttrMs: 70 * MIN });
  });

  it('excludes the end of the period and refuses an empty one', () => {
    expect(incidentMetrics(incidents, T0, T0 + DAY).overall.count).toBe(1);
    expect(() => incidentMetrics(incidents, T0, T0)).toThrow('The metrics period is empty: it must end after it starts (from 2025-03-04T14:03:00.000Z to 2025-03-04T14:03:00.000Z).');
  });
});

describe('exports', () => {
  it('quotes CSV fields per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=HYPERLINK("x")', true)).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-5', false)).toBe('-5');
  });

  it('writes incidents as CSV with a header and CRLF rows', () => {
    const csv = incidentsToCsv([
      makeIncident({ id: 1, title: 'DB "locked", again', impact: 'Writes fail\nreads OK', acknowledgedAt: T0 + 4 * MIN, resolvedAt: T0 + 61 * MIN, status: 'resolved' }),
      makeIncident({ id: 2, commander: '' }),
    ]);
    expect(csv).toBe(
      'id,title,severity,status,service,commander,impact,created_at,acknowledged_at,resolved_at,eta,minutes_to_acknowledge,minutes_to_resolve\r\n' +
        '1,"DB ""locked"", again",P1,resolved,checkout-api,dana,"Writes fail\nreads OK",2025-03-04T14:03:00.000Z,2025-03-04T14:07:00.000Z,2025-03-04T15:04:00.000Z,,4,61\r\n' +
        '2,Checkout API returns 502,P1,investigating,checkout-api,,Customers cannot pay,2025-03-04T14:03:00.000Z,,,,,\r\n',
    );
  });

  it('writes incidents as JSON with ISO times and optional timelines', () => {
    const json = JSON.parse(
      incidentsToJson([makeIncident({ id: 1 }), makeIncident({ id: 2, resolvedAt: T0 + MIN })], T0 + DAY, new Map([
        [1, [{ id: 1, incidentId: 1, at: T0, kind: 'declared', actor: 'dana', text: 'Declared P1', data: { severity: 'P1' } }]],
      ])),
    );
    expect(json.format).toBe('trayage-incidents');
    expect(json.exportedAt).toBe('2025-03-05T14:03:00.000Z');
    expect(json.incidents[0]).toEqual({
      id: 1,
      title: 'Checkout API returns 502',
      severity: 'P1',
      status: 'investigating',
      impact: 'Customers cannot pay',
      commander: 'dana',
      service: 'checkout-api',
      createdAt: '2025-03-04T14:03:00.000Z',
      acknowledgedAt: null,
      resolvedAt: null,
      eta: null,
      statusChangedAt: '2025-03-04T14:03:00.000Z',
      lastUpdateAt: null,
      level: null,
      timeline: [{ at: '2025-03-04T14:03:00.000Z', kind: 'declared', actor: 'dana', text: 'Declared P1', data: { severity: 'P1' } }],
    });
    expect(json.incidents[1].resolvedAt).toBe('2025-03-04T14:04:00.000Z');
    expect(json.incidents[1].timeline).toBeUndefined();
  });
});
