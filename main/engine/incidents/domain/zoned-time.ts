import type { Weekday } from '../../../../preload/contract';

/** A calendar date and wall-clock time in some zone; month 1–12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const WEEKDAY_OF: Record<string, Weekday> = { Mon: 'mon', Tue: 'tue', Wed: 'wed', Thu: 'thu', Fri: 'fri', Sat: 'sat', Sun: 'sun' };
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, f);
  }
  return f;
}

/** The wall-clock time and weekday at instant `ms` in `zone`. */
export function wallTimeAt(ms: number, zone: string): WallTime & { weekday: Weekday; second: number } {
  const parts: Record<string, string> = {};
  for (const p of formatFor(zone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAY_OF[parts.weekday],
  };
}

/** How far `zone` is ahead of UTC at instant `ms`, in ms. */
function offsetAt(ms: number, zone: string): number {
  const w = wallTimeAt(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time happens in `zone`. A time skipped by a DST change (02:30 on the
 * spring-forward night) is read with the offset from before the change, so it lands just after the
 * gap; a time that happens twice (the autumn night) is one of its two occurrences.
 */
export function instantOf(wall: WallTime, zone: string): number {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const first = guess - offsetAt(guess, zone);
  const second = guess - offsetAt(first, zone);
  if (first === second) return first;
  // Two candidates: keep the earlier one that really shows this wall time, else the gap's end.
  const shows = (ms: number) => {
    const w = wallTimeAt(ms, zone);
    return w.hour === wall.hour && w.minute === wall.minute && w.day === wall.day;
  };
  const [a, b] = first < second ? [first, second] : [second, first];
  if (shows(a)) return a;
  if (shows(b)) return b;
  return guess - offsetAt(guess - 86_400_000, zone);
}

/** The calendar date `days` after the given one (month and year roll over). */
export function addDays(date: { year: number; month: number; day: number }, days: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The weekday of a calendar date (no zone needed). */
export function weekdayOf(date: { year: number; month: number; day: number }): Weekday {
  return (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
}

/** Whole days from one calendar date to another. */
export function daysBetween(from: { year: number; month: number; day: number }, to: { year: number; month: number; day: number }): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** "09:30" → [9, 30]. */
export function clockParts(hhmm: string): [number, number] {
  const [h, m] = hhmm.split(':').map(Number);
  return [h, m];
}
