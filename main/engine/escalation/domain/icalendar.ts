import ICAL from 'ical.js';
import { instantOf, wallTimeAt } from '../../incidents/domain/zoned-time';
import type { OnCallTurns, Turn } from './rotation';

// Recurrences are expanded by ical.js (RRULE, RDATE, EXDATE, RECURRENCE-ID, RANGE=THISANDFUTURE) on
// the wall clock of the event's zone, as RFC 5545 §3.3.10 asks; each wall time is then placed on the
// timeline with the IANA zone, so a turn across a DST change is an hour longer or shorter.

// A calendar that keeps repeating every minute must not stall the engine: expansion stops here.
const MAX_OCCURRENCES = 50_000;

/** One on-call series (or one-off turn): SUMMARY names the person, exceptions may name another. */
export interface CalendarEvent {
  person: string;
  /** The line of the event's BEGIN:VEVENT. */
  line: number;
  /** Turns of this series around `at`: every one holding it and those just after it. */
  turnsAround(at: number): Turn[];
}

export interface ParsedCalendar {
  events: CalendarEvent[];
  /** Events left out, each with its line, why and what to do. */
  problems: string[];
}

interface Property {
  name: string;
  params: Record<string, string>;
  value: string;
  line: number;
}

/** Unfolds continuation lines (RFC 5545 §3.1) and splits NAME;PARAM=V:VALUE, keeping line numbers. */
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

function isZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DATE_TIME = /^\d{8}(T\d{6}Z?)?$/;

/** One VEVENT block: its properties (for checks that name the line) and its text (for ical.js). */
interface Block {
  line: number;
  props: Property[];
  text: string;
}

function veventBlocks(text: string): { blocks: Block[]; calendarZone: string | null } {
  const blocks: Block[] = [];
  const lines = text.split(/\r?\n/);
  let calendarZone: string | null = null;
  let current: Block | null = null;
  let depth = 0;
  let eventDepth = 0;
  for (const p of properties(text)) {
    const upper = p.value.trim().toUpperCase();
    if (p.name === 'BEGIN') depth++;
    if (p.name === 'BEGIN' && upper === 'VEVENT' && !current) {
      current = { line: p.line, props: [], text: '' };
      eventDepth = depth;
    } else if (p.name === 'END' && upper === 'VEVENT' && current && depth === eventDepth) {
      // Every line between BEGIN and END, nested components (VALARM) included, for ical.js.
      current.text = lines.slice(current.line, p.line - 1).join('\r\n');
      blocks.push(current);
      current = null;
    } else if (current && depth === eventDepth && p.name !== 'BEGIN' && p.name !== 'END') current.props.push(p);
    else if (!current && depth === 1 && p.name === 'X-WR-TIMEZONE') calendarZone = p.value.trim();
    if (p.name === 'END') depth--;
  }
  return { blocks, calendarZone };
}

const TIME_PROPS = ['DTSTART', 'DTEND', 'RECURRENCE-ID', 'EXDATE', 'RDATE'];

/** Checks what ical.js would accept silently or read as floating; null when the block is fine. */
function blockProblem(block: Block): string | null {
  const get = (name: string) => block.props.find((p) => p.name === name);
  const summary = get('SUMMARY');
  const named = summary ? ` '${personOf(summary.value)}'` : '';
  if (!summary || !personOf(summary.value)) return 'the event has no SUMMARY naming who is on call; give it the person\'s name, e.g. "On call: Dana Lee"';
  if (!get('DTSTART')) return `the event${named} has no DTSTART; give it a start such as DTSTART;TZID=Europe/Berlin:20261123T090000`;
  for (const p of block.props.filter((q) => TIME_PROPS.includes(q.name))) {
    const bad = p.value.split(',').find((v) => !DATE_TIME.test(v.trim()) && !(p.name === 'RDATE' && p.params.VALUE === 'PERIOD'));
    if (bad !== undefined) return `the event${named}: line ${p.line}: ${p.name} '${bad}' is not a date-time such as 20261123T090000Z`;
    if (p.params.TZID && !isZone(p.params.TZID)) {
      return `the event${named}: line ${p.line}: ${p.name} names the time zone '${p.params.TZID}', which is not an IANA zone; export the calendar with IANA zones (such as Europe/Berlin) or in UTC`;
    }
  }
  return null;
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The person in a SUMMARY, with a leading "On call:" dropped. */
function personOf(summary: string): string {
  return unescapeText(summary)
    .replace(/^\s*on[- ]?call\s*[:\-–]\s*/i, '')
    .trim();
}

/** The zone a time property's wall clock is in: UTC for the Z form, its TZID, else the calendar's. */
function zoneOf(prop: ICAL.Property | null, calendarZone: string): string {
  const value = prop?.getFirstValue();
  if (value instanceof ICAL.Time && !value.isDate && value.zone === ICAL.Timezone.utcTimezone) return 'UTC';
  const tzid = prop?.getParameter('tzid');
  return typeof tzid === 'string' && tzid ? tzid : calendarZone;
}

function instantOfTime(t: ICAL.Time, zone: string): number {
  const wall = { year: t.year, month: t.month, day: t.day, hour: t.isDate ? 0 : t.hour, minute: t.isDate ? 0 : t.minute };
  return instantOf(wall, zone) + (t.isDate ? 0 : t.second * 1000);
}

/** `t`, written in `fromZone`, as the master's wall clock in `toZone` (so ical.js compares like with like). */
function inZone(t: ICAL.Time, fromZone: string, toZone: string): ICAL.Time {
  if (t.isDate || fromZone === toZone) return t;
  const at = instantOfTime(t, fromZone);
  if (toZone === 'UTC') return ICAL.Time.fromJSDate(new Date(at), true);
  const w = wallTimeAt(at, toZone);
  return ICAL.Time.fromData({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: w.second });
}

/** Rewrites a property's times into the master's zone: ical.js knows no IANA zones, so it would compare wall clocks of different zones. */
function alignTimes(prop: ICAL.Property, calendarZone: string, masterZone: string): void {
  const from = zoneOf(prop, calendarZone);
  if (from === masterZone) return;
  const values = prop.getValues().map((v) => (v instanceof ICAL.Time ? inZone(v, from, masterZone) : v));
  prop.removeParameter('tzid');
  if (values.length === 1) prop.setValue(values[0]);
  else prop.setValues(values);
}

function alignUntil(component: ICAL.Component, calendarZone: string, masterZone: string): void {
  for (const prop of component.getAllProperties('rrule')) {
    const recur = prop.getFirstValue();
    if (recur instanceof ICAL.Recur && recur.until && !recur.until.isDate) {
      const from = recur.until.zone === ICAL.Timezone.utcTimezone ? 'UTC' : calendarZone;
      recur.until = inZone(recur.until, from, masterZone);
    }
  }
}

function isCancelled(event: ICAL.Event): boolean {
  return String(event.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

/** A series expanded lazily and kept: each query extends the expansion only as far as it needs. */
class Series implements CalendarEvent {
  readonly person: string;
  private readonly expanded: { nominal: number; turn: Turn | null }[] = [];
  private readonly iterator: ICAL.RecurExpansion | null;
  private finished = false;
  // What stopped the expansion of a rule ical.js could not follow; reported while reading.
  private failure: unknown = null;
  // How far an exception may move a turn earlier than its slot: expansion looks that far ahead.
  private readonly earliestShift: number;

  constructor(
    private readonly master: ICAL.Event,
    readonly line: number,
    private readonly calendarZone: string,
  ) {
    this.person = personOf(master.summary ?? '');
    this.iterator = master.isRecurring() ? master.iterator() : null;
    const masterZone = this.startZone(master);
    let shift = 0;
    for (const exception of Object.values(master.exceptions) as ICAL.Event[]) {
      const slot = instantOfTime(exception.recurrenceId, masterZone);
      shift = Math.max(shift, slot - instantOfTime(exception.startDate, this.startZone(exception)));
    }
    this.earliestShift = shift;
  }

  private startZone(event: ICAL.Event): string {
    return zoneOf(event.component.getFirstProperty('dtstart'), this.calendarZone);
  }

  private endZone(event: ICAL.Event): string {
    const dtend = event.component.getFirstProperty('dtend');
    return dtend ? zoneOf(dtend, this.calendarZone) : this.startZone(event);
  }

  private turnOf(occurrence: ICAL.Time): { nominal: number; turn: Turn | null } {
    const details = this.master.getOccurrenceDetails(occurrence);
    const item = details.item ?? this.master;
    const nominal = instantOfTime(occurrence, this.startZone(this.master));
    if (isCancelled(item)) return { nominal, turn: null };
    const person = item === this.master ? this.person : personOf(item.summary ?? '') || this.person;
    const from = instantOfTime(details.startDate, this.startZone(item));
    const until = instantOfTime(details.endDate, this.endZone(item));
    return { nominal, turn: until > from ? { person, from, until } : null };
  }

  /** Expands the first occurrences now, so a rule ical.js cannot follow is reported while reading. */
  check(): void {
    this.extend(Number.NEGATIVE_INFINITY);
    if (this.failure) throw this.failure;
  }

  private extend(to: number): void {
    try {
      this.expand(to);
    } catch (err) {
      // Later turns of a rule that breaks partway are unknown: the ones before still answer.
      this.failure = err;
      this.finished = true;
    }
  }

  private expand(to: number): void {
    if (this.finished) return;
    if (!this.iterator) {
      this.expanded.push(this.turnOf(this.master.startDate));
      this.finished = true;
      return;
    }
    while (this.expanded.length < MAX_OCCURRENCES) {
      const last = this.expanded.at(-1);
      if (last && last.nominal > to) return;
      const next = this.iterator.next();
      if (!next) break;
      this.expanded.push(this.turnOf(next));
    }
    this.finished = true;
  }

  turnsAround(at: number): Turn[] {
    // Enough to hold `at`; then on until no later slot can start before the first turn after `at`.
    this.extend(at + this.earliestShift);
    let first = Number.POSITIVE_INFINITY;
    for (const e of this.expanded) if (e.turn && e.turn.from > at) first = Math.min(first, e.turn.from);
    while (!this.finished && this.expanded.length > 0 && this.expanded.at(-1)!.nominal - this.earliestShift <= first) {
      const seen = this.expanded.length;
      this.extend(this.expanded.at(-1)!.nominal);
      for (const e of this.expanded.slice(seen)) if (e.turn && e.turn.from > at) first = Math.min(first, e.turn.from);
    }
    return this.expanded.flatMap((e) => (e.turn && e.turn.until > at && e.turn.from <= first ? [e.turn] : []));
  }
}

/**
 * Reads the VEVENTs of an iCalendar text (a PagerDuty, Opsgenie or Google Calendar export):
 * SUMMARY names the person (a leading "On call:" dropped); DTSTART/DTEND in UTC, a TZID or floating
 * (in the calendar's X-WR-TIMEZONE, else `fallbackZone`); all-day events from midnight to midnight;
 * any RRULE with RDATE and EXDATE; RECURRENCE-ID overrides (a swapped or moved shift); cancelled
 * events and occurrences are left out. An event that cannot be read is reported with its line.
 */
export function parseICalendar(text: string, fallbackZone = 'UTC'): ParsedCalendar {
  const problems: string[] = [];
  if (!/BEGIN:VCALENDAR/i.test(text)) problems.push('this is not an iCalendar file: BEGIN:VCALENDAR is missing');
  const { blocks, calendarZone: named } = veventBlocks(text);
  const calendarZone = named && isZone(named) ? named : fallbackZone;
  const masters = new Map<string, { event: ICAL.Event; line: number }>();
  const exceptions: { event: ICAL.Event; line: number; uid: string }[] = [];
  let unnamed = 0;
  for (const block of blocks) {
    const problem = blockProblem(block);
    if (problem) {
      problems.push(`line ${block.line}: ${problem}`);
      continue;
    }
    let event: ICAL.Event;
    try {
      const component = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n${block.text}\r\nEND:VEVENT\r\nEND:VCALENDAR`));
      event = new ICAL.Event(component.getFirstSubcomponent('vevent')!, { strictExceptions: true });
    } catch (err) {
      problems.push(`line ${block.line}: the event could not be read (${(err as Error).message}); export the calendar again`);
      continue;
    }
    const uid = event.uid || `(no UID ${++unnamed})`;
    if (event.isRecurrenceException()) exceptions.push({ event, line: block.line, uid });
    else if (masters.has(uid)) problems.push(`line ${block.line}: the event '${personOf(event.summary ?? '')}' repeats the UID ${uid} of line ${masters.get(uid)!.line}; give each series its own UID`);
    else masters.set(uid, { event, line: block.line });
  }
  for (const { event, line, uid } of exceptions) {
    const master = masters.get(uid);
    if (!master) {
      // An override exported without its series: it is a turn of its own.
      masters.set(`${uid} ${line}`, { event, line });
      continue;
    }
    const masterZone = zoneOf(master.event.component.getFirstProperty('dtstart'), calendarZone);
    alignTimes(event.component.getFirstProperty('recurrence-id')!, calendarZone, masterZone);
    master.event.relateException(event);
  }
  const events: CalendarEvent[] = [];
  for (const { event, line } of masters.values()) {
    // A cancelled series (or one-off turn) is nobody's turn.
    if (isCancelled(event)) continue;
    const zone = zoneOf(event.component.getFirstProperty('dtstart'), calendarZone);
    for (const prop of event.component.getAllProperties('exdate')) alignTimes(prop, calendarZone, zone);
    for (const prop of event.component.getAllProperties('rdate')) if (!(prop.getFirstValue() instanceof ICAL.Period)) alignTimes(prop, calendarZone, zone);
    alignUntil(event.component, calendarZone, zone);
    const series = new Series(event, line, calendarZone);
    const start = instantOfTime(event.startDate, zone);
    const end = instantOfTime(event.endDate, zoneOf(event.component.getFirstProperty('dtend') ?? event.component.getFirstProperty('dtstart'), calendarZone));
    if (end <= start && !event.isRecurrenceException()) {
      problems.push(`line ${line}: the event '${series.person}' ends before it starts; check its DTSTART and DTEND`);
      continue;
    }
    try {
      series.check();
    } catch (err) {
      problems.push(`line ${line}: the event '${series.person}': its RRULE could not be followed (${(err as Error).message}); write the rule as RFC 5545 gives it`);
      continue;
    }
    events.push(series);
  }
  events.sort((a, b) => a.line - b.line);
  return { events, problems };
}

/** Who the calendar has on call at `at` (the latest-starting of overlapping turns) and who comes next. */
export function calendarTurns(events: readonly CalendarEvent[], at: number): OnCallTurns {
  let current: Turn | null = null;
  let next: Turn | null = null;
  for (const event of events) {
    for (const turn of event.turnsAround(at)) {
      if (turn.from <= at && at < turn.until) {
        if (!current || turn.from > current.from) current = turn;
      } else if (turn.from > at && (!next || turn.from < next.from)) next = turn;
    }
  }
  return { current, next };
}
