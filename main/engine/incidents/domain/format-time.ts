const MINUTE = 60_000;

/** Throws a readable error for a time zone name the runtime does not know. */
export function checkTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw new Error(`Unknown time zone '${timeZone}': use an IANA name such as 'UTC' or 'Europe/Paris'.`);
  }
}

function parts(ms: number, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: checkTimeZone(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(ms)) out[p.type] = p.value;
  return out;
}

/** "2025-03-04" in the given zone. */
export function formatDate(ms: number, timeZone = 'UTC'): string {
  const p = parts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** "14:05" in the given zone. */
export function formatClock(ms: number, timeZone = 'UTC'): string {
  const p = parts(ms, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** "2025-03-04 14:05 UTC": unambiguous for a reader in another zone, stable for tests. */
export function formatDateTime(ms: number, timeZone = 'UTC'): string {
  return `${formatDate(ms, timeZone)} ${formatClock(ms, timeZone)} ${timeZone}`;
}

/** "45 min", "1 h 5 min", "2 d 3 h": whole minutes, rounded down. */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** "in 4 min 10 s" or "3 min overdue": a live countdown for the incident window. */
export function formatCountdown(dueAt: number, now: number): string {
  const left = dueAt - now;
  const abs = Math.abs(left);
  const text =
    abs < MINUTE
      ? `${Math.floor(abs / 1000)} s`
      : abs < 60 * MINUTE
        ? `${Math.floor(abs / MINUTE)} min ${Math.floor((abs % MINUTE) / 1000)} s`
        : formatDuration(abs);
  return left >= 0 ? `in ${text}` : `${text} overdue`;
}

/** Minutes as a person says them: "15 min", "1 h", "24 h". */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * MINUTE);
}
