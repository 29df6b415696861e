import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OnCallRotation } from '../../preload/contract';
import { calendarTurns, parseICalendar } from '../../main/engine/escalation/domain/icalendar';
import { rotationTurns } from '../../main/engine/escalation/domain/rotation';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { type Harness, MIN, openHarness } from './harness';

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
const at = (text: string) => Date.parse(text);

const ROTATION: OnCallRotation = {
  kind: 'rotation',
  people: ['Ana', 'Ben', 'Cleo'],
  handoffDay: 'mon',
  handoffTime: '09:00',
  timeZone: 'Europe/Berlin',
  lengthDays: 7,
  startsOn: '2026-03-11', // a Wednesday: the first handoff is Monday 2026-03-16
};

describe('on-call rotation', () => {
  it('hands over weekly at 09:00 local time, across the DST change', () => {
    expect(rotationTurns(ROTATION, at('2026-03-14T12:00:00Z'))).toEqual({
      current: null,
      next: { person: 'Ana', from: at('2026-03-16T08:00:00Z'), until: at('2026-03-23T08:00:00Z') },
    });
    const before = rotationTurns(ROTATION, at('2026-03-23T07:59:00Z'));
    expect([before.current?.person, iso(before.current?.until), before.next?.person]).toEqual(['Ana', '2026-03-23T08:00:00.000Z', 'Ben']);
    expect(rotationTurns(ROTATION, at('2026-03-23T08:00:00Z')).current?.person).toBe('Ben');
    // Berlin is on CEST from 2026-03-29: Ben's turn ends at 09:00 CEST, 07:00 UTC, an hour short.
    const ben = rotationTurns(ROTATION, at('2026-03-29T12:00:00Z')).current!;
    expect([ben.person, iso(ben.until)]).toEqual(['Ben', '2026-03-30T07:00:00.000Z']);
    expect(rotationTurns(ROTATION, at('2026-03-30T07:00:00Z')).current?.person).toBe('Cleo');
    expect(rotationTurns(ROTATION, at('2026-04-06T07:30:00Z')).current?.person).toBe('Ana');
  });

  it('counts turns of a few days from the start date, whatever the weekday', () => {
    const daily = { ...ROTATION, lengthDays: 2, handoffTime: '18:00', timeZone: 'UTC', startsOn: '2026-11-25' };
    expect(rotationTurns(daily, at('2026-11-25T17:00:00Z')).current).toBeNull();
    expect(rotationTurns(daily, at('2026-11-25T18:00:00Z')).current?.person).toBe('Ana');
    expect(rotationTurns(daily, at('2026-11-28T09:00:00Z')).current).toEqual({ person: 'Ben', from: at('2026-11-27T18:00:00Z'), until: at('2026-11-29T18:00:00Z') });
    expect(rotationTurns(daily, at('2026-12-01T18:00:00Z')).current?.person).toBe('Ana');
  });
});

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Team//On call//EN',
  'BEGIN:VEVENT',
  'UID:a@team',
  'SUMMARY:On call: Dana Lee',
  'DTSTART;TZID=Europe/Berlin:20261116T090000',
  'DTEND;TZID=Europe/Berlin:20261123T090000',
  'RRULE:FREQ=WEEKLY;INTERVAL=2',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:b@team',
  'SUMMARY:On call: Lee',
  '  Park',
  'DTSTART;TZID=Europe/Berlin:20261123T090000',
  'DTEND;TZID=Europe/Berlin:20261130T090000',
  'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:c@team',
  'SUMMARY:Vic Pham',
  'DTSTART:20261225T000000Z',
  'DTEND:20261226T000000Z',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:d@team',
  'SUMMARY:Monthly review',
  'DTSTART:20261201T100000Z',
  'DTEND:20261201T110000Z',
  'RRULE:FREQ=MONTHLY',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('on-call calendar (iCalendar)', () => {
  it('reads weekly turns, folded lines, UTC times and says which events it leaves out', () => {
    const { events, problems } = parseICalendar(CALENDAR);
    expect(events.map((e) => e.person)).toEqual(['Dana Lee', 'Lee Park', 'Vic Pham']);
    expect(problems).toEqual(["line 25: the event 'Monthly review': RRULE FREQ=MONTHLY is not read; use FREQ=WEEKLY or FREQ=DAILY"]);
    // Dana on even weeks, Lee on odd ones, handing over at 09:00 Berlin (CET: 08:00 UTC).
    expect(calendarTurns(events, at('2026-11-25T12:00:00Z')).current).toEqual({ person: 'Lee Park', from: at('2026-11-23T08:00:00Z'), until: at('2026-11-30T08:00:00Z') });
    const dec = calendarTurns(events, at('2026-12-03T12:00:00Z'));
    expect([dec.current?.person, dec.next?.person, iso(dec.next?.from)]).toEqual(['Dana Lee', 'Lee Park', '2026-12-07T08:00:00.000Z']);
    // Lee's rule ends after three turns (COUNT=3, the last from 2026-12-21): the week of 2027-01-04 has nobody.
    expect(calendarTurns(events, at('2027-01-05T12:00:00Z')).current).toBeNull();
    expect(calendarTurns(events, at('2027-01-12T12:00:00Z')).current?.person).toBe('Dana Lee');
    // An overlapping one-off turn wins while it lasts.
    expect(calendarTurns(events, at('2026-12-25T12:00:00Z')).current?.person).toBe('Vic Pham');
  });
});

describe('on call in the engine', () => {
  let dir: string;
  let h: Harness | null = null;
  let server: http.Server;
  let base = '';
  const requests: string[] = [];
  let clock = at('2026-11-25T12:00:00Z');

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      if (req.url === '/team.ics') {
        res.writeHead(200, { 'content-type': 'text/calendar' });
        res.end(CALENDAR);
      } else {
        res.writeHead(404).end('no such calendar');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    h?.close();
    h = null;
    removeDir(dir);
  });
  const open = () => {
    dir = tempDir();
    h = openHarness(dir, () => clock);
    return h;
  };

  it('answers oncall.now from a calendar served over HTTP, and reports one that cannot be read', async () => {
    const e = open();
    requests.length = 0;
    await e.call('escalation.saveSettings', { onCall: { kind: 'calendar', source: `${base}/team.ics`, refreshMinutes: 30 } });
    expect(await e.call('oncall.now')).toEqual({
      source: 'calendar',
      person: 'Lee Park',
      until: at('2026-11-30T08:00:00Z'),
      next: { person: 'Dana Lee', from: at('2026-11-30T08:00:00Z') },
      problem: expect.stringContaining('RRULE FREQ=MONTHLY is not read'),
    });
    await e.call('oncall.now');
    expect(requests).toEqual(['GET /team.ics']);

    await e.call('escalation.saveSettings', { onCall: { kind: 'calendar', source: `${base}/gone.ics` } });
    const missing = await e.call('oncall.now');
    expect(missing.person).toBeNull();
    expect(missing.problem).toBe(`Could not read the on-call calendar ${base}/gone.ics: ${base}/gone.ics answered HTTP 404; check the calendar's address and that it is shared`);
  });

  it('reads a calendar file', async () => {
    const e = open();
    const file = path.join(dir, 'oncall.ics');
    fs.writeFileSync(file, CALENDAR);
    await e.call('escalation.saveSettings', { onCall: { kind: 'calendar', source: file } });
    expect((await e.call('oncall.now')).person).toBe('Lee Park');
  });

  it('announces each handoff once, not the turn running when the rotation was set', async () => {
    const e = open();
    clock = at('2026-11-25T12:00:00Z');
    await e.call('escalation.saveSettings', { onCall: { kind: 'rotation', people: ['Dana Lee', 'Lee Park'], handoffDay: 'mon', handoffTime: '09:00', timeZone: 'UTC', startsOn: '2026-11-02' } });
    await e.tick();
    expect(e.notices('oncall:')).toEqual([]);
    clock = at('2026-11-30T09:00:00Z');
    await e.tick();
    await e.tick();
    const notices = e.notices('oncall:');
    expect(notices).toEqual([
      {
        key: `oncall:handoff:${at('2026-11-30T09:00:00Z')}`,
        title: 'On-call handoff: Dana Lee is on call',
        body: "Lee Park hands over to Dana Lee until 2026-12-07 09:00 UTC. Go through the on-call handoff checklist: each open incident's window offers it under Checklists.",
      },
    ]);
    clock += 5 * MIN;
    await e.tick();
    expect(e.notices('oncall:')).toHaveLength(1);
  });

  it('names the setting and the field of every problem', async () => {
    const e = open();
    const problems = async (params: unknown) => {
      try {
        await e.call('escalation.saveSettings', params);
      } catch (err) {
        return (err as { issues: { message: string }[] }).issues.map((i) => i.message);
      }
      throw new Error('accepted');
    };
    expect(await problems({ businessHours: { timeZone: 'Mars/Olympus', start: '9am', days: ['mon', 'funday'] } })).toEqual([
      'Business hours, field days item 2: must be one of mon, tue, wed, thu, fri, sat, sun',
      'Business hours, field start: must be a time of day such as 09:00',
      'Business hours, field timeZone: is not an IANA time zone such as Europe/Berlin or America/New_York',
    ]);
    expect(await problems({ businessHours: { start: '18:00', end: '09:00' } })).toEqual([
      'Business hours, field end: must be later than start (business hours end on the day they start)',
    ]);
    expect(await problems({ onCall: { kind: 'rotation', people: [], startsOn: 'next monday' } })).toEqual([
      'On call, field people: must name at least one person',
      'On call, field startsOn: must be a date such as 2026-11-23',
    ]);
    expect(await problems({ onCall: { kind: 'rotation', people: ['Ana'], startsOn: '2026-02-30' } })).toEqual(['2026-02-30 is not a date in the calendar']);
    expect(await problems({ onCall: { kind: 'calendar', source: 'oncall.ics' } })).toEqual([
      "'oncall.ics' is neither an absolute file path nor an http(s) URL; give the full path of the .ics file or its URL",
    ]);
    expect(await problems({ onCall: { kind: 'pager' } })).toEqual([
      "On call, field kind: kind must be 'rotation' (people and a handoff time) or 'calendar' (an iCalendar file or URL)",
    ]);
  });

  it('names the level, the step and the field of a bad escalation chain', async () => {
    const e = open();
    const level = { key: 'P1', name: 'Critical', definition: '', examples: [], responseMinutes: 15, updateCadenceMinutes: null, escalateAfterMinutes: null, escalateTo: [], postFixWatchMinutes: null };
    const scheme = (l: object) => ({ scheme: { id: 'x', name: 'X', source: '', levels: [{ ...level, ...l }] } });
    const issues = async (params: unknown) => {
      try {
        await e.call('schemes.setActive', params);
      } catch (err) {
        return (err as { issues: { message: string }[] }).issues.map((i) => i.message);
      }
      throw new Error('accepted');
    };
    expect(await issues(scheme({ escalation: [{ afterMinutes: 15, to: 'L1' }, { afterMinutes: -1, to: '' }] }))).toEqual([
      'Level P1 (level 1), field escalation item 2 afterMinutes: must be 0 or more minutes',
      'Level P1 (level 1), field escalation item 2 to: is required: a role, a contact name or "on-call"',
    ]);
    expect(await issues(scheme({ escalation: [{ afterMinutes: 30, to: 'L1' }, { afterMinutes: 15, to: 'L2' }] }))).toEqual([
      "Level P1 (level 1), field escalation item 2 afterMinutes: 15 comes before step 1's 30; list the steps in the order they fire",
    ]);
    expect(await issues(scheme({ responseMinutes: null, responseClock: 'business' }))).toEqual([
      "Level P1 (level 1), field responseClock: 'business' counts responseMinutes, which is empty; set it or use 'next-business-day'",
    ]);
  });
});
