import type { OnCallRotation } from '../../../../preload/contract';
import { addDays, clockParts, daysBetween, instantOf, wallTimeAt, weekdayOf } from '../../incidents/domain/zoned-time';

/** One person's stretch on call. */
export interface Turn {
  person: string;
  from: number;
  until: number;
}

export interface OnCallTurns {
  current: Turn | null;
  next: Turn | null;
}

type CalendarDate = { year: number; month: number; day: number };

function parseDate(text: string): CalendarDate {
  const [year, month, day] = text.split('-').map(Number);
  return { year, month, day };
}

/** The first handoff: on startsOn, or, for turns of whole weeks, on the first handoff day from then. */
function firstHandoffDate(rotation: OnCallRotation): CalendarDate {
  let date = parseDate(rotation.startsOn);
  if (rotation.lengthDays % 7 === 0) while (weekdayOf(date) !== rotation.handoffDay) date = addDays(date, 1);
  return date;
}

/**
 * Who is on call at `at` and who takes over next. Handoffs happen at the handoff time on the wall
 * clock of the rotation's zone, so a turn spanning a DST change is an hour shorter or longer.
 * Before the first handoff nobody is on call.
 */
export function rotationTurns(rotation: OnCallRotation, at: number): OnCallTurns {
  const first = firstHandoffDate(rotation);
  const [hour, minute] = clockParts(rotation.handoffTime);
  const boundary = (k: number) => instantOf({ ...addDays(first, k * rotation.lengthDays), hour, minute }, rotation.timeZone);
  const turn = (k: number): Turn => ({ person: rotation.people[k % rotation.people.length], from: boundary(k), until: boundary(k + 1) });
  const today = wallTimeAt(at, rotation.timeZone);
  let k = Math.floor(daysBetween(first, today) / rotation.lengthDays);
  while (k >= 0 && boundary(k) > at) k--;
  while (boundary(k + 1) <= at) k++;
  if (k < 0) return { current: null, next: turn(0) };
  return { current: turn(k), next: turn(k + 1) };
}
