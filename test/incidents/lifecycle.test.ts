import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIFECYCLE,
  canTransition,
  findStatus,
  openStatusKeys,
  resolvedStatusKeys,
  validateLifecycle,
} from '../../main/engine/incidents/domain/lifecycle';
import { planChange } from '../../main/engine/incidents/domain/plan-change';
import { DEFAULT_SCHEME } from '../../main/engine/incidents/domain/scheme-catalog';
import { requireLevel } from '../../main/engine/incidents/domain/severity-schemes';
import { MIN, T0, makeIncident } from './fixtures';

describe('status lifecycle', () => {
  it('defaults to Investigating → Identified → Monitoring → Resolved', () => {
    expect(DEFAULT_LIFECYCLE.statuses.map((s) => s.name)).toEqual(['Investigating', 'Identified', 'Monitoring', 'Resolved']);
    expect(openStatusKeys(DEFAULT_LIFECYCLE)).toEqual(['investigating', 'identified', 'monitoring']);
    expect(resolvedStatusKeys(DEFAULT_LIFECYCLE)).toEqual(['resolved']);
    expect(validateLifecycle(DEFAULT_LIFECYCLE).ok).toBe(true);
  });

  it('allows the configured moves only, and a resolved incident only to re-open', () => {
    expect(canTransition(DEFAULT_LIFECYCLE, 'investigating', 'Resolved')).toBe(true);
    expect(canTransition(DEFAULT_LIFECYCLE, 'resolved', 'identified')).toBe(false);
    expect(canTransition(DEFAULT_LIFECYCLE, 'resolved', 'investigating')).toBe(true);
    expect(canTransition(DEFAULT_LIFECYCLE, 'investigating', 'closed')).toBe(false);
    // A status dropped from the configuration must not trap its incidents.
    expect(canTransition(DEFAULT_LIFECYCLE, 'triage', 'identified')).toBe(true);
    expect(findStatus(DEFAULT_LIFECYCLE, ' MONITORING ')?.key).toBe('monitoring');
  });

  it('explains what is wrong with an edited lifecycle', () => {
    const check = validateLifecycle({
      statuses: [
        { key: 'open', name: 'Open', open: false, watch: false, next: ['Fixed', 'open'] },
        { key: 'Fixed', name: '', open: false, watch: true, next: [] },
      ],
    });
    expect(check).toEqual({
      ok: false,
      errors: [
        'Status Fixed (status 2), field key: must be lower-case letters, digits, - or _ (e.g. "investigating")',
        'Status Fixed (status 2), field name: is required',
      ],
    });
    const check2 = validateLifecycle({
      statuses: [
        { key: 'open', name: 'Open', open: false, watch: false, next: ['fixed', 'open', 'gone'] },
        { key: 'fixed', name: 'Fixed', open: false, watch: true, next: [] },
      ],
    });
    expect(check2).toEqual({
      ok: false,
      errors: [
        'Status open, field next: a status cannot move to itself',
        "Status open, field next: 'gone' is not a status key",
        'Status open (status 1), field open: the first status is where incidents start, so it must be open',
      ],
    });
  });
});

describe('planChange', () => {
  const now = T0 + 17 * MIN;

  it('moves the status, stamps who and when, and counts working it as acknowledgement', () => {
    const plan = planChange(makeIncident(), { status: 'identified' }, 'dana', now);
    expect(plan).toEqual({
      ok: true,
      updates: { status: 'identified', statusChangedAt: now, acknowledgedAt: now },
      entries: [
        { at: now, kind: 'status', actor: 'dana', text: 'Status changed from Investigating to Identified', data: { from: 'investigating', to: 'identified' } },
        { at: now, kind: 'ack', actor: 'dana', text: 'Acknowledged by moving it to Identified 17 min after declaration' },
      ],
    });
  });

  it('resolves with the time taken, and re-opening clears the resolution', () => {
    const resolve = planChange(makeIncident({ status: 'monitoring', acknowledgedAt: T0 + MIN }), { status: 'Resolved' }, 'sam', T0 + 77 * MIN);
    expect(resolve).toEqual({
      ok: true,
      updates: { status: 'resolved', statusChangedAt: T0 + 77 * MIN, resolvedAt: T0 + 77 * MIN },
      entries: [{ at: T0 + 77 * MIN, kind: 'status', actor: 'sam', text: 'Resolved after 1 h 17 min (was Monitoring)', data: { from: 'monitoring', to: 'resolved' } }],
    });
    const reopen = planChange(
      makeIncident({ status: 'resolved', acknowledgedAt: T0 + MIN, resolvedAt: T0 + 77 * MIN }),
      { status: 'investigating', note: 'Errors are back after the cache warm-up' },
      'sam',
      T0 + 90 * MIN,
    );
    expect(reopen.ok && reopen.updates).toEqual({ status: 'investigating', statusChangedAt: T0 + 90 * MIN, resolvedAt: null });
    expect(reopen.ok && reopen.entries.map((e) => [e.kind, e.text])).toEqual([
      ['status', 'Re-opened: Resolved → Investigating'],
      ['note', 'Errors are back after the cache warm-up'],
    ]);
  });

  it('refuses a move the lifecycle does not allow and a status it does not know', () => {
    const resolved = makeIncident({ status: 'resolved', resolvedAt: T0 + MIN, acknowledgedAt: T0 });
    expect(planChange(resolved, { status: 'identified' }, 'dana', now)).toEqual({
      ok: false,
      error: 'Incident #12 cannot go from Resolved to Identified; from Resolved it can go to Investigating.',
    });
    expect(planChange(resolved, { status: 'fixed' }, 'dana', now)).toEqual({
      ok: false,
      error: "Incident #12: 'fixed' is not a status; use one of Investigating, Identified, Monitoring, Resolved.",
    });
  });

  it('stamps severity, commander, ETA, impact and service changes', () => {
    const incident = makeIncident({ acknowledgedAt: T0 + MIN, eta: T0 + 60 * MIN });
    const plan = planChange(
      incident,
      { severity: 'p0', commander: 'lee', eta: Date.UTC(2025, 2, 4, 16, 0), impact: 'All payments fail', service: 'payments' },
      'dana',
      now,
      { scheme: DEFAULT_SCHEME, timeZone: 'Europe/Paris' },
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.updates).toEqual({
      severity: 'P0',
      level: requireLevel(DEFAULT_SCHEME, 'P0'),
      commander: 'lee',
      eta: Date.UTC(2025, 2, 4, 16, 0),
      impact: 'All payments fail',
      service: 'payments',
    });
    expect(plan.entries.map((e) => [e.kind, e.actor, e.at, e.text])).toEqual([
      ['severity', 'dana', now, 'Severity changed from P1 to P0'],
      ['commander', 'dana', now, 'lee took over as incident commander from dana'],
      ['eta', 'dana', now, 'ETA moved from 2025-03-04 16:03 Europe/Paris to 2025-03-04 17:00 Europe/Paris'],
      ['impact', 'dana', now, 'Impact: All payments fail'],
      ['service', 'dana', now, 'Affected service: payments'],
    ]);
  });

  it('clears ETA and commander with readable entries', () => {
    const plan = planChange(makeIncident({ eta: T0 + 60 * MIN }), { eta: null, commander: '' }, 'dana', now);
    expect(plan.ok && plan.entries.map((e) => e.text)).toEqual(['Incident commander dana stood down; nobody is commander', 'ETA cleared']);
    const fresh = planChange(makeIncident({ commander: '' }), { commander: 'lee', eta: T0 + 30 * MIN }, 'dana', now);
    expect(fresh.ok && fresh.entries.map((e) => e.text)).toEqual(['lee is incident commander', 'ETA set to 2025-03-04 14:33 UTC']);
  });

  it('acknowledges once, and an unchanged value plans nothing', () => {
    expect(planChange(makeIncident(), { acknowledge: true }, 'dana', T0 + 4 * MIN)).toEqual({
      ok: true,
      updates: { acknowledgedAt: T0 + 4 * MIN },
      entries: [{ at: T0 + 4 * MIN, kind: 'ack', actor: 'dana', text: 'Acknowledged 4 min after declaration' }],
    });
    const acked = makeIncident({ acknowledgedAt: T0 });
    expect(planChange(acked, { acknowledge: true, status: 'investigating', severity: 'P1', commander: ' dana ', note: '  ' }, 'dana', now)).toEqual({
      ok: true,
      updates: {},
      entries: [],
    });
  });

  it('checks severities against the scheme and refuses nonsense', () => {
    expect(planChange(makeIncident(), { severity: 'SEV-1' }, 'dana', now, { scheme: DEFAULT_SCHEME })).toEqual({
      ok: false,
      error: "Incident #12: severity 'SEV-1' is not in the scheme; use one of P0, P1, P2, P3.",
    });
    expect(planChange(makeIncident(), { eta: Number.NaN }, 'dana', now)).toEqual({
      ok: false,
      error: 'Incident #12: the ETA must be a date and time, or empty to clear it.',
    });
    expect(planChange(makeIncident(), { title: '   ' }, 'dana', now)).toEqual({ ok: false, error: 'Incident #12: the title must not be empty.' });
  });
});
