/**
 * How Trayage writes times, for every window and the CLI. Pure (Intl only), so the renderer and the main
 * process print the same words. `timeZone` is an IANA name; left out, the runtime's own zone is used.
 *
 *   absolute   "28 Nov 2026, 14:05 UTC+1"   always with the zone, so a pasted time means one moment
 *   relative   "just now", "3 min ago"
 *   duration   "45 s", "1 h 5 min", "2 d 3 h"
 *   countdown  "in 4:05", "overdue 1 h 2 min"
 *   counts     "1 step", "2 steps"
 *   chart axes "14:00" or "28 Nov", under a title naming the zone once
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export interface TimeOptions {
  timeZone?: string;
  // For times that follow each other within a minute: check results, run steps.
  seconds?: boolean;
}

// Spelled here, not by Intl: its short month names differ between ICU versions ("Sep" or "Sept").
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Building a DateTimeFormat is slow next to using one; a long timeline formats thousands of times.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string | undefined, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone ?? ''}|${seconds}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: seconds ? '2-digit' : undefined,
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    formats.set(key, format);
  }
  return format;
}

function partsOf(ms: number, timeZone: string | undefined, seconds = false): Record<string, string> {
  const p: Record<string, string> = {};
  for (const part of formatFor(timeZone, seconds).formatToParts(ms)) p[part.type] = part.value;
  return p;
}

// Intl names offsets "GMT+1" (and UTC itself "GMT" or "GMT+0"); responders read and write UTC offsets.
const zoneOf = (p: Record<string, string>) => p.timeZoneName.replace(/^GMT(\+0)?$/, 'UTC').replace(/^GMT/, 'UTC');
const dayMonth = (p: Record<string, string>) => `${Number(p.day)} ${MONTHS[Number(p.month) - 1]}`;

/** "28 Nov 2026, 14:05 UTC+1" (or "…14:05:09 UTC+5:30" with seconds). */
export function formatDateTime(ms: number, options: TimeOptions = {}): string {
  const p = partsOf(ms, options.timeZone, options.seconds);
  const time = options.seconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${dayMonth(p)} ${p.year}, ${time} ${zoneOf(p)}`;
}

/** "UTC+1": the offset in force at `ms`, for a heading over times shown without one (a chart axis). */
export function formatZone(ms: number, timeZone?: string): string {
  return zoneOf(partsOf(ms, timeZone));
}

/** "14:05": a tick on a time axis of a day or less. */
export function formatClockTime(ms: number, timeZone?: string): string {
  const p = partsOf(ms, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** "28 Nov": a tick on a time axis of several days. */
export function formatDayMonth(ms: number, timeZone?: string): string {
  return dayMonth(partsOf(ms, timeZone));
}

/** "45 s", "3 min", "1 h 5 min", "1 h", "2 d 3 h": the two largest units, rounded down. */
export function formatDuration(ms: number): string {
  const abs = Math.max(0, ms);
  if (abs < MINUTE) return `${Math.floor(abs / SECOND)} s`;
  const minutes = Math.floor(abs / MINUTE);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "just now" under a minute, then "3 min ago", "1 h 5 min ago". A time a little ahead (clock skew) is "just now" too. */
export function formatAgo(ms: number, now: number): string {
  const age = now - ms;
  return age < MINUTE ? 'just now' : `${formatDuration(age)} ago`;
}

/** "in 4:05" and "overdue 12:30" while minutes and seconds matter, then "in 2 h 5 min". */
export function formatCountdown(dueAt: number, now: number): string {
  const diff = dueAt - now;
  const abs = Math.abs(diff);
  const text = abs < HOUR ? `${Math.floor(abs / MINUTE)}:${String(Math.floor((abs % MINUTE) / SECOND)).padStart(2, '0')}` : formatDuration(abs);
  return diff >= 0 ? `in ${text}` : `overdue ${text}`;
}

/** "3m", "2h 5m", "4d": for a tray menu line or a CLI table column, where width is scarce. */
export function formatCompactAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours}h ${minutes % 60}m` : `${hours}h`;
  return `${Math.floor(hours / 24)}d`;
}

/** "1 step", "2 steps", "0 entries" (give the plural when it is not the singular plus "s"). */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
