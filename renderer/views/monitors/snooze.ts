export interface SnoozeChoice {
  label: string;
  minutes: (now: Date) => number;
}

const MORNING_HOUR = 8;

/** Minutes from `now` to 08:00 tomorrow, local time. */
export function minutesUntilTomorrowMorning(now: Date): number {
  const morning = new Date(now);
  morning.setDate(morning.getDate() + 1);
  morning.setHours(MORNING_HOUR, 0, 0, 0);
  return Math.ceil((morning.getTime() - now.getTime()) / 60_000);
}

export const SNOOZE_CHOICES: SnoozeChoice[] = [
  { label: 'for 1 h', minutes: () => 60 },
  { label: 'for 4 h', minutes: () => 240 },
  { label: 'until tomorrow 08:00', minutes: minutesUntilTomorrowMorning },
];
