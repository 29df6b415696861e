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

function calendar(lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Team//On call//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

function vevent(uid: string, lines: string[]): string[] {
  return ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261001T000000Z', ...lines, 'END:VEVENT'];
}

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
  'SUMMARY:On call: Remote desk',
  'DTSTART;TZID=W. Europe Standard Time:20261201T100000',
  'DTEND;TZID=W. Europe Standard Time:20261201T110000',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

// 24-hour turns on Monday, Wednesday and Friday, a weekend turn across the end of summer time
// (2026-10-25 in Berlin), a Friday taken out, a Wednesday swapped and moved, a Monday swapped in UTC.
const SHIFTS = calendar([
  'X-WR-TIMEZONE:Europe/Berlin',
  ...vevent('ana@team', [
    'SUMMARY:On call: Ana',
    'DTSTART;TZID=Europe/Berlin:20261019T090000',
    'DTEND;TZID=Europe/Berlin:20261020T090000',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR',
    'EXDATE;TZID=Europe/Berlin:20261023T090000',
  ]),
  ...vevent('cleo@team', ['SUMMARY:On call: Cleo', 'DTSTART;TZID=Europe/Berlin:20261024T090000', 'DTEND;TZID=Europe/Berlin:20261026T090000', 'RRULE:FREQ=WEEKLY;BYDAY=SA']),
  ...vevent('ana@team', ['RECURRENCE-ID;TZID=Europe/Berlin:20261028T090000', 'SUMMARY:On call: Ben', 'DTSTART;TZID=Europe/Berlin:20261028T120000', 'DTEND;TZID=Europe/Berlin:20261029T090000']),
  ...vevent('ana@team', ['RECURRENCE-ID:20261102T080000Z', 'SUMMARY:On call: Dee', 'DTSTART:20261102T080000Z', 'DTEND:20261103T080000Z']),
]);

describe('on-call calendar (iCalendar)', () => {
  it('reads weekly turns, folded lines, UTC times and says which events it leaves out', () => {
    const { events, problems } = parseICalendar(CALENDAR);
    expect(events.map((e) => e.person)).toEqual(['Dana Lee', 'Lee Park', 'Vic Pham']);
    expect(problems).toEqual([
      "line 25: the event 'Remote desk': line 28: DTSTART names the time zone 'W. Europe Standard Time', which is not an IANA zone; export the calendar with IANA zones (such as Europe/Berlin) or in UTC",
    ]);
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

  it('reads several weekdays, EXDATE, RECURRENCE-ID overrides and a turn across a DST change', () => {
    const { events, problems } = parseICalendar(SHIFTS);
    expect(problems).toEqual([]);
    const turns = (t: string) => {
      const { current, next } = calendarTurns(events, at(t));
      return { current: current && [current.person, iso(current.from), iso(current.until)], next: next && [next.person, iso(next.from)] };
    };
    // Wednesday 09:00 CEST is 07:00 UTC.
    expect(turns('2026-10-21T12:00:00Z')).toEqual({ current: ['Ana', '2026-10-21T07:00:00.000Z', '2026-10-22T07:00:00.000Z'], next: ['Cleo', '2026-10-24T07:00:00.000Z'] });
    // Friday the 23rd is taken out: nobody until Cleo on Saturday.
    expect(turns('2026-10-23T12:00:00Z')).toEqual({ current: null, next: ['Cleo', '2026-10-24T07:00:00.000Z'] });
    // Cleo's turn runs from 09:00 CEST to 09:00 CET: 49 hours.
    expect(turns('2026-10-25T12:00:00Z')).toEqual({ current: ['Cleo', '2026-10-24T07:00:00.000Z', '2026-10-26T08:00:00.000Z'], next: ['Ana', '2026-10-26T08:00:00.000Z'] });
    expect(turns('2026-10-26T12:00:00Z')).toEqual({ current: ['Ana', '2026-10-26T08:00:00.000Z', '2026-10-27T08:00:00.000Z'], next: ['Ben', '2026-10-28T11:00:00.000Z'] });
    // Ben took Wednesday the 28th and starts at noon: the morning is uncovered.
    expect(turns('2026-10-28T09:00:00Z')).toEqual({ current: null, next: ['Ben', '2026-10-28T11:00:00.000Z'] });
    expect(turns('2026-10-28T12:00:00Z')).toEqual({ current: ['Ben', '2026-10-28T11:00:00.000Z', '2026-10-29T08:00:00.000Z'], next: ['Ana', '2026-10-30T08:00:00.000Z'] });
    // An override whose RECURRENCE-ID is written in UTC still replaces the Berlin 09:00 turn.
    expect(turns('2026-11-02T12:00:00Z')).toEqual({ current: ['Dee', '2026-11-02T08:00:00.000Z', '2026-11-03T08:00:00.000Z'], next: ['Ana', '2026-11-04T08:00:00.000Z'] });
    // Far ahead the series still answers, and asking about an earlier time again is unchanged.
    expect(turns('2027-06-18T12:00:00Z').current).toEqual(['Ana', '2027-06-18T07:00:00.000Z', '2027-06-19T07:00:00.000Z']);
    expect(turns('2026-10-21T12:00:00Z').current?.[0]).toBe('Ana');
  });

  // Monthly turns by ordinal weekday and by day of month, an all-day turn on the calendar's own
  // clock (X-WR-TIMEZONE), and the events an export may carry that cannot be read.
  const MONTHLY = calendar([
    'X-WR-TIMEZONE:America/New_York',
    ...vevent('dana@team', [
      'SUMMARY:Dana',
      'DTSTART;TZID=America/New_York:20261102T090000',
      'DTEND;TZID=America/New_York:20261102T170000',
      'RRULE:FREQ=MONTHLY;BYDAY=1MO',
      'EXDATE:20270104T140000Z',
    ]),
    ...vevent('eli@team', [
      'SUMMARY:Eli',
      'DTSTART;TZID=America/New_York:20261127T090000',
      'DTEND;TZID=America/New_York:20261127T170000',
      'RRULE:FREQ=MONTHLY;BYDAY=-1FR',
      // A reminder, as Google Calendar exports carry: its own SUMMARY is not the person.
      'BEGIN:VALARM',
      'ACTION:EMAIL',
      'SUMMARY:Reminder',
      'DESCRIPTION:You are on call tomorrow',
      'TRIGGER:-P1D',
      'END:VALARM',
    ]),
    ...vevent('fay@team', ['SUMMARY:Fay', 'DTSTART;VALUE=DATE:20261115', 'DTEND;VALUE=DATE:20261116', 'RRULE:FREQ=MONTHLY;BYMONTHDAY=15']),
    ...vevent('nobody@team', ['DTSTART:20261101T000000Z', 'DTEND:20261102T000000Z']),
    ...vevent('bad@team', ['SUMMARY:Gus', 'DTSTART:20261101T000000Z', 'DTEND:20261102T000000Z', 'RRULE:FREQ=FORTNIGHTLY']),
  ]);

  it('reads monthly turns by ordinal weekday and day of month, all-day turns, and names what it leaves out', () => {
    const { events, problems } = parseICalendar(MONTHLY);
    expect(events.map((e) => e.person)).toEqual(['Dana', 'Eli', 'Fay']);
    expect(problems).toEqual([
      'line 36: the event has no SUMMARY naming who is on call; give it the person\'s name, e.g. "On call: Dana Lee"',
      'line 42: the event could not be read (invalid frequency "FORTNIGHTLY" expected: "SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY"); export the calendar again',
    ]);
    const turns = (t: string) => {
      const { current, next } = calendarTurns(events, at(t));
      return { current: current && [current.person, iso(current.from), iso(current.until)], next: next && [next.person, iso(next.from)] };
    };
    // The first Monday of December, 09:00 to 17:00 in New York (EST, UTC-5).
    expect(turns('2026-12-07T15:00:00Z')).toEqual({ current: ['Dana', '2026-12-07T14:00:00.000Z', '2026-12-07T22:00:00.000Z'], next: ['Fay', '2026-12-15T05:00:00.000Z'] });
    // Fay's all-day turn is midnight to midnight in New York.
    expect(turns('2026-12-15T12:00:00Z')).toEqual({ current: ['Fay', '2026-12-15T05:00:00.000Z', '2026-12-16T05:00:00.000Z'], next: ['Eli', '2026-12-25T14:00:00.000Z'] });
    // The last Friday of December.
    expect(turns('2026-12-25T20:00:00Z').current).toEqual(['Eli', '2026-12-25T14:00:00.000Z', '2026-12-25T22:00:00.000Z']);
    // 2027-01-04 is excluded (in UTC, for a series in New York time).
    expect(turns('2027-01-04T15:00:00Z')).toEqual({ current: null, next: ['Fay', '2027-01-15T05:00:00.000Z'] });
    // The first Monday of April is on daylight time (EDT, UTC-4).
    expect(turns('2027-04-05T13:30:00Z').current).toEqual(['Dana', '2027-04-05T13:00:00.000Z', '2027-04-05T21:00:00.000Z']);
  });

  it('leaves out cancelled turns and reads an override exported without its series', () => {
    const text = calendar([
      ...vevent('ivy@team', ['SUMMARY:Ivy', 'DTSTART:20261207T090000Z', 'DTEND:20261208T090000Z', 'RRULE:FREQ=DAILY;COUNT=3']),
      ...vevent('ivy@team', ['RECURRENCE-ID:20261208T090000Z', 'SUMMARY:Ivy', 'STATUS:CANCELLED', 'DTSTART:20261208T090000Z', 'DTEND:20261209T090000Z']),
      ...vevent('gone@team', ['SUMMARY:Jo', 'STATUS:CANCELLED', 'DTSTART:20261208T120000Z', 'DTEND:20261208T130000Z']),
      ...vevent('lone@team', ['RECURRENCE-ID:20261210T090000Z', 'SUMMARY:On call: Kim', 'DTSTART:20261210T090000Z', 'DTEND:20261211T090000Z']),
    ]);
    const { events, problems } = parseICalendar(text);
    expect(problems).toEqual([]);
    expect(events.map((e) => e.person)).toEqual(['Ivy', 'Kim']);
    expect(calendarTurns(events, at('2026-12-08T12:30:00Z'))).toEqual({ current: null, next: { person: 'Ivy', from: at('2026-12-09T09:00:00Z'), until: at('2026-12-10T09:00:00Z') } });
    expect(calendarTurns(events, at('2026-12-10T12:00:00Z')).current).toEqual({ person: 'Kim', from: at('2026-12-10T09:00:00Z'), until: at('2026-12-11T09:00:00Z') });
  });

  it('puts floating times on the fallback clock when the calendar names no zone', () => {
    const text = calendar([...vevent('x@team', ['SUMMARY:Hal', 'DTSTART:20261201T090000', 'DTEND:20261201T170000', 'RRULE:FREQ=DAILY;COUNT=2'])]);
    const { events } = parseICalendar(text, 'Asia/Tokyo');
    expect(calendarTurns(events, at('2026-12-02T01:00:00Z')).current).toEqual({ person: 'Hal', from: at('2026-12-02T00:00:00Z'), until: at('2026-12-02T08:00:00Z') });
    expect(calendarTurns(events, at('2026-12-03T01:00:00Z'))).toEqual({ current: null, next: null });
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
      } else if (req.url === '/shifts.ics') {
        res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
        res.end(SHIFTS);
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
      problem: expect.stringContaining("'W. Europe Standard Time', which is not an IANA zone"),
    });
    await e.call('oncall.now');
    expect(requests).toEqual(['GET /team.ics']);

    await e.call('escalation.saveSettings', { onCall: { kind: 'calendar', source: `${base}/gone.ics` } });
    const missing = await e.call('oncall.now');
    expect(missing.person).toBeNull();
    expect(missing.problem).toBe(`Could not read the on-call calendar ${base}/gone.ics: ${base}/gone.ics answered HTTP 404; check the calendar's address and that it is shared`);
  });

  it('follows a swapped shift in a calendar served over HTTP', async () => {
    const e = open();
    clock = at('2026-10-28T12:00:00Z');
    await e.call('escalation.saveSettings', { onCall: { kind: 'calendar', source: `${base}/shifts.ics` } });
    expect(await e.call('oncall.now')).toEqual({
      source: 'calendar',
      person: 'Ben',
      until: at('2026-10-29T08:00:00Z'),
      next: { person: 'Ana', from: at('2026-10-30T08:00:00Z') },
      problem: null,
    });
  });

  it('reads a calendar file', async () => {
    const e = open();
    clock = at('2026-11-25T12:00:00Z');
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
