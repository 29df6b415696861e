import { describe, expect, it } from 'vitest';
import type { BusinessHours, SeverityLevel } from '../../preload/contract';
import { addBusinessMinutes, isBusinessTime, nextBusinessDayStart, responseDueAt } from '../../main/engine/incidents/domain/business-hours';
import { computeTimers, isInsidePostFixWatch } from '../../main/engine/incidents/domain/timers';
import { instantOf } from '../../main/engine/incidents/domain/zoned-time';
import { makeIncident } from '../incidents/fixtures';

const BERLIN: BusinessHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' };
const NEW_YORK: BusinessHours = { ...BERLIN, timeZone: 'America/New_York' };
const iso = (ms: number) => new Date(ms).toISOString();

describe('business hours', () => {
  it('moves a due time past the weekend', () => {
    // Friday 2026-11-20 16:00 in Berlin (CET, UTC+1) plus 2 business hours: 1 h on Friday, 1 h on Monday.
    expect(iso(addBusinessMinutes(Date.parse('2026-11-20T15:00:00Z'), 120, BERLIN))).toBe('2026-11-23T09:00:00.000Z');
    // Declared on Saturday: counting starts Monday 09:00.
    expect(iso(addBusinessMinutes(Date.parse('2026-11-21T12:00:00Z'), 30, BERLIN))).toBe('2026-11-23T08:30:00.000Z');
    expect(iso(nextBusinessDayStart(Date.parse('2026-11-20T10:00:00Z'), BERLIN))).toBe('2026-11-23T08:00:00.000Z');
    expect(isBusinessTime(Date.parse('2026-11-21T10:00:00Z'), BERLIN)).toBe(false);
    expect(isBusinessTime(Date.parse('2026-11-20T10:00:00Z'), BERLIN)).toBe(true);
  });

  it('keeps 09:00 local across the spring and autumn DST changes', () => {
    // Berlin moves to CEST (UTC+2) on Sunday 2026-03-29: Monday opens at 07:00 UTC, Friday opened at 08:00 UTC.
    expect(iso(nextBusinessDayStart(Date.parse('2026-03-27T10:00:00Z'), BERLIN))).toBe('2026-03-30T07:00:00.000Z');
    expect(iso(addBusinessMinutes(Date.parse('2026-03-27T15:30:00Z'), 60, BERLIN))).toBe('2026-03-30T07:30:00.000Z');
    // And back to CET on Sunday 2026-10-25.
    expect(iso(nextBusinessDayStart(Date.parse('2026-10-23T10:00:00Z'), BERLIN))).toBe('2026-10-26T08:00:00.000Z');
    // New York moves to EDT (UTC-4) on Sunday 2026-03-08.
    expect(iso(nextBusinessDayStart(Date.parse('2026-03-06T15:00:00Z'), NEW_YORK))).toBe('2026-03-09T13:00:00.000Z');
    expect(iso(addBusinessMinutes(Date.parse('2026-03-06T21:00:00Z'), 8 * 60, NEW_YORK))).toBe('2026-03-09T20:00:00.000Z');
  });

  it('reads a wall time skipped by the spring change as just after the gap', () => {
    expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 3, day: 29, hour: 3, minute: 0 }, 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });

  it('gives a "next business day" level an acknowledgement time, and a business-clock level business minutes', () => {
    const base = { key: 'P4', name: 'Low', definition: '', examples: [], updateCadenceMinutes: null, escalateAfterMinutes: null, escalateTo: [], postFixWatchMinutes: null };
    const nextDay: SeverityLevel = { ...base, responseMinutes: null, responseClock: 'next-business-day' };
    const business: SeverityLevel = { ...base, responseMinutes: 240, responseClock: 'business' };
    const friday = Date.parse('2026-11-20T15:00:00Z');
    expect(iso(responseDueAt(friday, nextDay, BERLIN)!)).toBe('2026-11-23T08:00:00.000Z');
    expect(iso(responseDueAt(friday, business, BERLIN)!)).toBe('2026-11-23T11:00:00.000Z');
    expect(responseDueAt(friday, { ...base, responseMinutes: null }, BERLIN)).toBeNull();

    const incident = makeIncident({ severity: 'P4', createdAt: friday });
    const [ack] = computeTimers(incident, nextDay, [], friday + 60_000, [], undefined, BERLIN);
    expect(ack).toMatchObject({ kind: 'ack', dueAt: Date.parse('2026-11-23T08:00:00Z'), overdue: false, label: 'Acknowledge: P4 is answered on the next business day' });
    const [businessAck] = computeTimers(incident, business, [], friday, [], undefined, BERLIN);
    expect(businessAck.label).toBe('Acknowledge: the P4 response time is 4 h of business hours');
  });

  it('counts a business-hours level\'s update cadence, escalation and post-fix watch in business time too', () => {
    const base = { key: 'P3', name: 'Medium', definition: '', examples: [], responseMinutes: 240, escalateTo: ['lead'] };
    const timed = { ...base, updateCadenceMinutes: 90, escalateAfterMinutes: 120, postFixWatchMinutes: 120 };
    const business: SeverityLevel = { ...timed, responseClock: 'business' };
    const always: SeverityLevel = { ...timed, responseClock: 'always' };
    // Friday 16:00 in Berlin: one business hour is left that day.
    const friday = Date.parse('2026-11-20T15:00:00Z');
    const open = makeIncident({ severity: 'P3', createdAt: friday, status: 'investigating', acknowledgedAt: friday });
    const due = (level: SeverityLevel, kind: string) => iso(computeTimers(open, level, [], friday, [], undefined, BERLIN).find((t) => t.kind === kind)!.dueAt);
    expect(due(business, 'update')).toBe('2026-11-23T08:30:00.000Z');
    expect(due(business, 'escalation')).toBe('2026-11-23T09:00:00.000Z');
    expect(due(always, 'update')).toBe('2026-11-20T16:30:00.000Z');
    expect(due(always, 'escalation')).toBe('2026-11-20T17:00:00.000Z');

    const watching = makeIncident({ severity: 'P3', createdAt: friday, status: 'monitoring', statusChangedAt: friday, acknowledgedAt: friday });
    const watch = (level: SeverityLevel) => iso(computeTimers(watching, level, [], friday, [], undefined, BERLIN).find((t) => t.kind === 'postfix-watch')!.dueAt);
    expect(watch(business)).toBe('2026-11-23T09:00:00.000Z');
    expect(watch(always)).toBe('2026-11-20T17:00:00.000Z');
    // A failure on Saturday is still inside the business-hours watch, and past the wall-clock one.
    const saturday = Date.parse('2026-11-21T12:00:00Z');
    expect(isInsidePostFixWatch(watching, business, [], saturday, undefined, BERLIN)).toBe(true);
    expect(isInsidePostFixWatch(watching, always, [], saturday, undefined, BERLIN)).toBe(false);
  });
});
