import type { BusinessHours, SeverityLevel } from '../../../../preload/contract';
import { addDays, clockParts, instantOf, wallTimeAt, weekdayOf } from './zoned-time';

/** The settings key the business hours are kept under (the escalation area edits them). */
export const BUSINESS_HOURS_SETTING = 'businessHours';

export const DEFAULT_BUSINESS_HOURS: BusinessHours = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00', timeZone: 'UTC' };

const MINUTE = 60_000;
// Enough for 30 days of business minutes at one hour a week, while never looping without end.
const MAX_DAYS_AHEAD = 3700;

type CalendarDate = { year: number; month: number; day: number };

/** The business window of one local date, or null when it is not a business day. */
function windowOn(date: CalendarDate, hours: BusinessHours): { start: number; end: number } | null {
  if (!hours.days.includes(weekdayOf(date))) return null;
  const [sh, sm] = clockParts(hours.start);
  const [eh, em] = clockParts(hours.end);
  return { start: instantOf({ ...date, hour: sh, minute: sm }, hours.timeZone), end: instantOf({ ...date, hour: eh, minute: em }, hours.timeZone) };
}

function localDate(ms: number, zone: string): CalendarDate {
  const w = wallTimeAt(ms, zone);
  return { year: w.year, month: w.month, day: w.day };
}

/** Whether `ms` falls inside business hours. */
export function isBusinessTime(ms: number, hours: BusinessHours): boolean {
  const window = windowOn(localDate(ms, hours.timeZone), hours);
  return window !== null && ms >= window.start && ms < window.end;
}

/** The start of the first business day on a later local date than `ms` ("next business day"). */
export function nextBusinessDayStart(ms: number, hours: BusinessHours): number {
  const today = localDate(ms, hours.timeZone);
  for (let i = 1; i <= MAX_DAYS_AHEAD; i++) {
    const window = windowOn(addDays(today, i), hours);
    if (window) return window.start;
  }
  throw new Error('Business hours name no day that ever comes');
}

/** The moment `minutes` of business time have passed since `from` (time outside business hours does not count). */
export function addBusinessMinutes(from: number, minutes: number, hours: BusinessHours): number {
  let left = minutes * MINUTE;
  let date = localDate(from, hours.timeZone);
  for (let i = 0; i <= MAX_DAYS_AHEAD; i++, date = addDays(date, 1)) {
    const window = windowOn(date, hours);
    if (!window || window.end <= from) continue;
    const start = Math.max(window.start, from);
    if (start + left <= window.end) return start + left;
    left -= window.end - start;
  }
  throw new Error('Business hours name no day that ever comes');
}

/**
 * When a level's acknowledgement falls due for an incident declared at `declaredAt`: on the wall
 * clock, in business time, or at the next business day's start; null when the level sets no time.
 */
export function responseDueAt(declaredAt: number, level: SeverityLevel, hours: BusinessHours): number | null {
  const clock = level.responseClock ?? 'always';
  if (clock === 'next-business-day') {
    const start = nextBusinessDayStart(declaredAt, hours);
    return level.responseMinutes ? addBusinessMinutes(start, level.responseMinutes, hours) : start;
  }
  if (level.responseMinutes === null) return null;
  if (clock === 'business') return addBusinessMinutes(declaredAt, level.responseMinutes, hours);
  return declaredAt + level.responseMinutes * MINUTE;
}

/**
 * `minutes` after `from` as a level counts them: business time for a level that responds in
 * business hours (or on the next business day), the wall clock otherwise. Its update cadence,
 * post-fix watch and escalation then all keep the same clock as its response time.
 */
export function levelMinutesAfter(from: number, minutes: number, level: SeverityLevel, hours: BusinessHours): number {
  const clock = level.responseClock ?? 'always';
  return clock === 'always' ? from + minutes * MINUTE : addBusinessMinutes(from, minutes, hours);
}
