import { addDays, instantOf, type WallTime } from '../../incidents/domain/zoned-time';
import type { OnCallTurns, Turn } from './rotation';

/** A time as the calendar wrote it: a wall time in a zone ('UTC' for the Z form). */
interface CalTime {
  wall: WallTime;
  zone: string;
}

interface Repeat {
  stepDays: number;
  count: number | null;
  until: number | null;
}

/** One on-call event: SUMMARY names the person; RRULE repeats it daily or weekly. */
export interface CalendarEvent {
  person: string;
  start: CalTime;
  end: CalTime;
  repeat: Repeat | null;
  line: number;
}

export interface ParsedCalendar {
  events: CalendarEvent[];
  /** Events left out, each with its line and why ("line 12: RRULE FREQ=MONTHLY is not read"). */
  problems: string[];
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
  line: number;
}

/** Unfolds continuation lines (RFC 5545 §3.1) and splits NAME;PARAM=V:VALUE. */
function properties(text: string): Property[] {
  const out: Property[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i];
    const line = i + 1;
    while (i + 1 < lines.length && /^[ \t]/.test(lines[i + 1])) raw += lines[++i].slice(1);
    const colon = raw.search(/:(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    if (colon <= 0) continue;
    const [name, ...paramParts] = raw.slice(0, colon).split(';');
    const params: Record<string, string> = {};
    for (const p of paramParts) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).toUpperCase()] = p.slice(eq + 1).replace(/^"|"$/g, '');
    }
    out.push({ name: name.toUpperCase(), params, value: raw.slice(colon + 1), line });
  }
  return out;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

function parseTime(p: Property, fallbackZone: string): CalTime | string {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(p.value.trim());
  if (!m) return `${p.name} '${p.value}' is not a date-time such as 20261123T090000Z`;
  const wall = { year: +m[1], month: +m[2], day: +m[3], hour: m[4] ? +m[4] : 0, minute: m[5] ? +m[5] : 0 };
  const zone = m[7] === 'Z' ? 'UTC' : (p.params.TZID ?? fallbackZone);
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    return `${p.name} names the time zone '${zone}', which is not an IANA zone`;
  }
  return { wall, zone };
}

function instant(t: CalTime, days = 0): number {
  const date = addDays(t.wall, days);
  return instantOf({ ...date, hour: t.wall.hour, minute: t.wall.minute }, t.zone);
}

function parseRule(value: string, fallbackZone: string): Repeat | string {
  const parts = Object.fromEntries(value.split(';').map((kv) => kv.split('=') as [string, string]).map(([k, v]) => [k.toUpperCase(), v ?? '']));
  const freq = parts.FREQ?.toUpperCase();
  if (freq !== 'DAILY' && freq !== 'WEEKLY') return `RRULE FREQ=${freq ?? '(none)'} is not read; use FREQ=WEEKLY or FREQ=DAILY`;
  if (parts.BYDAY && parts.BYDAY.includes(',')) return `RRULE BYDAY=${parts.BYDAY} is not read; write one event per weekday`;
  const interval = parts.INTERVAL ? Number(parts.INTERVAL) : 1;
  if (!Number.isInteger(interval) || interval < 1) return `RRULE INTERVAL=${parts.INTERVAL} is not a whole number of at least 1`;
  let until: number | null = null;
  if (parts.UNTIL) {
    const t = parseTime({ name: 'UNTIL', params: {}, value: parts.UNTIL, line: 0 }, fallbackZone);
    if (typeof t === 'string') return `RRULE ${t}`;
    until = instant(t);
  }
  const count = parts.COUNT ? Number(parts.COUNT) : null;
  return { stepDays: interval * (freq === 'WEEKLY' ? 7 : 1), count, until };
}

/**
 * Reads the VEVENTs of an iCalendar text: SUMMARY (the person, with a leading "On call:" dropped),
 * DTSTART/DTEND (UTC, TZID or floating in `fallbackZone`) and a daily or weekly RRULE.
 */
export function parseICalendar(text: string, fallbackZone = 'UTC'): ParsedCalendar {
  const events: CalendarEvent[] = [];
  const problems: string[] = [];
  let current: Property[] | null = null;
  let beganAt = 0;
  for (const p of properties(text)) {
    if (p.name === 'BEGIN' && p.value.toUpperCase() === 'VEVENT') {
      current = [];
      beganAt = p.line;
    } else if (p.name === 'END' && p.value.toUpperCase() === 'VEVENT' && current) {
      const event = readEvent(current, beganAt, fallbackZone);
      if (typeof event === 'string') problems.push(`line ${beganAt}: ${event}`);
      else events.push(event);
      current = null;
    } else if (current) current.push(p);
  }
  if (!/BEGIN:VCALENDAR/i.test(text)) problems.unshift('this is not an iCalendar file: BEGIN:VCALENDAR is missing');
  return { events, problems };
}

function readEvent(props: Property[], line: number, fallbackZone: string): CalendarEvent | string {
  const get = (name: string) => props.find((p) => p.name === name);
  const summary = get('SUMMARY');
  const person = summary ? unescapeText(summary.value).replace(/^\s*on[- ]?call\s*[:\-–]\s*/i, '').trim() : '';
  if (!person) return 'the event has no SUMMARY naming who is on call';
  const dtstart = get('DTSTART');
  if (!dtstart) return `the event '${person}' has no DTSTART`;
  const start = parseTime(dtstart, fallbackZone);
  if (typeof start === 'string') return start;
  const dtend = get('DTEND');
  let end: CalTime;
  if (dtend) {
    const parsed = parseTime(dtend, fallbackZone);
    if (typeof parsed === 'string') return parsed;
    end = parsed;
  } else {
    // An all-day event without DTEND lasts one day (RFC 5545 §3.6.1).
    end = { zone: start.zone, wall: { ...addDays(start.wall, 1), hour: start.wall.hour, minute: start.wall.minute } };
  }
  if (instant(end) <= instant(start)) return `the event '${person}' ends before it starts`;
  const rrule = get('RRULE');
  const repeat = rrule ? parseRule(rrule.value, fallbackZone) : null;
  if (typeof repeat === 'string') return `the event '${person}': ${repeat}`;
  return { person, start, end, repeat, line };
}

/** The occurrences of one event that could hold `at` or come right after it. */
function occurrencesNear(event: CalendarEvent, at: number): Turn[] {
  const first = instant(event.start);
  const length = instant(event.end) - first;
  if (!event.repeat) return [{ person: event.person, from: first, until: first + length }];
  const { stepDays, count, until } = event.repeat;
  const k0 = Math.max(0, Math.floor((at - first) / (stepDays * 86_400_000)) - 1);
  const out: Turn[] = [];
  for (let k = k0; k <= k0 + 3; k++) {
    if (count !== null && k >= count) break;
    const from = instant(event.start, k * stepDays);
    if (until !== null && from > until) break;
    out.push({ person: event.person, from, until: instant(event.end, k * stepDays) });
  }
  return out;
}

/** Who the calendar has on call at `at` (the latest-starting of overlapping events) and who comes next. */
export function calendarTurns(events: readonly CalendarEvent[], at: number): OnCallTurns {
  let current: Turn | null = null;
  let next: Turn | null = null;
  for (const event of events) {
    for (const turn of occurrencesNear(event, at)) {
      if (turn.from <= at && at < turn.until) {
        if (!current || turn.from > current.from) current = turn;
      } else if (turn.from > at && (!next || turn.from < next.from)) next = turn;
    }
  }
  return { current, next };
}
