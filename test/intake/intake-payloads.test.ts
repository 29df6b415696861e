import { describe, expect, it } from 'vitest';
import { decideAlert } from '../../main/engine/intake/domain/alert-decision';
import { labelsKey, parseAlertmanager, parseJsonAlert } from '../../main/engine/intake/domain/intake-payloads';
import { rateSeverity } from '../../main/engine/intake/domain/severity-rating';
import { copyScheme } from '../../main/engine/incidents/domain/scheme-catalog';

// What Alertmanager 0.25 posts to a webhook receiver (its documented version 4 payload).
function amPayload(alerts: object[], status = 'firing') {
  return {
    version: '4',
    groupKey: '{}:{alertname="DiskFull"}',
    truncatedAlerts: 0,
    status,
    receiver: 'trayage',
    groupLabels: { alertname: 'DiskFull' },
    commonLabels: {},
    commonAnnotations: {},
    externalURL: 'http://127.0.0.1:9093',
    alerts,
  };
}
const diskFull = {
  status: 'firing',
  labels: { alertname: 'DiskFull', instance: 'db-1:9100', severity: 'critical', job: 'node' },
  annotations: { summary: 'Disk 97% full', description: '/var is almost full' },
  startsAt: '2026-11-28T20:00:00Z',
  endsAt: '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus/graph',
  fingerprint: 'a1b2c3d4e5f60718',
};

describe('intake payloads', () => {
  it('reads each alert of an Alertmanager group: fingerprint as dedupe key, alertname in the title', () => {
    const parsed = parseAlertmanager(amPayload([diskFull, { ...diskFull, status: 'resolved', labels: { alertname: 'Load', instance: 'web-2' }, annotations: {}, fingerprint: 'ff00' }]));
    expect(parsed).toEqual({
      ok: true,
      alerts: [
        {
          dedupeKey: 'a1b2c3d4e5f60718',
          status: 'firing',
          name: 'DiskFull',
          title: 'DiskFull: Disk 97% full',
          severity: 'critical',
          service: 'node',
          impact: '/var is almost full',
          startsAt: '2026-11-28T20:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          labels: diskFull.labels,
        },
        expect.objectContaining({ dedupeKey: 'ff00', status: 'resolved', name: 'Load', title: 'Load on web-2', severity: undefined, service: '', impact: '' }),
      ],
    });
  });

  it('keys an alert without a fingerprint by its label set, whatever the order of the labels', () => {
    const { fingerprint: _, ...bare } = diskFull;
    const parsed = parseAlertmanager(amPayload([bare]));
    expect(parsed.ok && parsed.alerts[0].dedupeKey).toBe(labelsKey({ severity: 'critical', job: 'node', instance: 'db-1:9100', alertname: 'DiskFull' }));
    expect(labelsKey({ a: '1' })).not.toBe(labelsKey({ a: '2' }));
  });

  it('names each bad field of an Alertmanager payload', () => {
    const parsed = parseAlertmanager({ ...amPayload([{ ...diskFull, status: 'pending', labels: { alertname: 7 } }]), version: '3' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toEqual([
      { path: 'version', message: "must be '4' (Alertmanager's webhook payload version)" },
      { path: 'alerts.0.status', message: "must be 'firing' or 'resolved'" },
      { path: 'alerts.0.labels.alertname', message: 'must be a string' },
    ]);
    expect(parsed.message).toBe(
      "The payload has 3 problem(s): version must be '4' (Alertmanager's webhook payload version); alerts.0.status must be 'firing' or 'resolved'; alerts.0.labels.alertname must be a string",
    );
    expect(parseAlertmanager(amPayload([]))).toMatchObject({ ok: false, issues: [{ path: 'alerts', message: 'must hold at least one alert' }] });
  });

  it('reads the plain JSON shape, firing unless it says resolved, and refuses unknown or missing fields', () => {
    expect(parseJsonAlert({ title: 'Checkout 502s', severity: 'P2', dedupeKey: 'checkout' })).toMatchObject({
      ok: true,
      alerts: [{ dedupeKey: 'checkout', status: 'firing', name: 'Checkout 502s', title: 'Checkout 502s', severity: 'P2', service: '', impact: '' }],
    });
    expect(parseJsonAlert({ title: 'x', severity: 'P2', dedupeKey: 'k', status: 'resolved', service: 'shop', impact: 'all' })).toMatchObject({
      ok: true,
      alerts: [{ status: 'resolved', service: 'shop', impact: 'all' }],
    });
    const bad = parseJsonAlert({ title: '  ', severity: 'P2', dedupe: 'k' });
    expect(bad).toEqual({
      ok: false,
      message: 'The payload has 3 problem(s): title is required; dedupeKey is required; unknown field(s) dedupe',
      issues: [
        { path: 'title', message: 'is required' },
        { path: 'dedupeKey', message: 'is required' },
        { path: '(body)', message: 'unknown field(s) dedupe' },
      ],
    });
  });
});

describe('severity rating', () => {
  const heroforge = copyScheme('p1-p4-heroforge');
  const hotdash = copyScheme('p0-p3-hotdash');

  it('maps a level key, a level name or a common word onto the scheme in force', () => {
    expect(rateSeverity('P3', heroforge)).toMatchObject({ key: 'P3', matched: true });
    expect(rateSeverity('p3', heroforge).key).toBe('P3');
    expect(rateSeverity('High', heroforge).key).toBe('P2');
    expect(rateSeverity('critical', heroforge).key).toBe('P1');
    expect(rateSeverity('critical', hotdash).key).toBe(hotdash.levels[0].key);
    expect(rateSeverity('warning', heroforge).key).toBe('P3');
    expect(rateSeverity('info', heroforge).key).toBe('P4');
  });

  it("gives an unknown or missing severity the scheme's lowest level and says so", () => {
    expect(rateSeverity('bogus', heroforge)).toEqual({
      key: 'P4',
      matched: false,
      note: "Severity 'bogus' names no level of the scheme (P1, P2, P3, P4) nor a common word (critical, high, warning, info); rated P4, the lowest level.",
    });
    expect(rateSeverity(undefined, heroforge)).toMatchObject({ key: 'P4', matched: false, note: expect.stringContaining('no severity label') });
  });
});

describe('dedupe decision', () => {
  const open = (state: 'firing' | 'resolved') => ({ incidentId: 4, state, incidentOpen: true });
  const closed = { incidentId: 4, state: 'firing' as const, incidentOpen: false };

  it('opens one incident per key and ignores re-sends', () => {
    expect(decideAlert(null, 'firing')).toBe('declared');
    expect(decideAlert(open('firing'), 'firing')).toBe('unchanged');
    expect(decideAlert(open('resolved'), 'resolved')).toBe('unchanged');
  });

  it('stamps a resolution once, notes a re-fire once, and opens a new incident after a person resolved the old one', () => {
    expect(decideAlert(open('firing'), 'resolved')).toBe('resolved');
    expect(decideAlert(open('resolved'), 'firing')).toBe('refired');
    expect(decideAlert(closed, 'firing')).toBe('declared');
    expect(decideAlert(closed, 'resolved')).toBe('ignored');
    expect(decideAlert(null, 'resolved')).toBe('ignored');
  });
});
