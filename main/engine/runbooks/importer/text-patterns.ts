// Readings of short pieces of prose taken from a single Markdown node: durations,
// severity keys and headings with their numbering.

const UNIT_MINUTES: Record<string, number> = { s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080 };

const DURATION = /(\d+(?:\.\d+)?)\s*(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d|weeks?|wks?|w)\b/i;
const IMMEDIATE = /\b(immediate(ly)?|asap|at once|right away)\b/i;

function unitMinutes(unit: string): number {
  const u = unit.toLowerCase();
  if (u.startsWith('min') || u === 'm') return UNIT_MINUTES.m;
  if (u.startsWith('s')) return UNIT_MINUTES.s;
  if (u.startsWith('h')) return UNIT_MINUTES.h;
  if (u.startsWith('d')) return UNIT_MINUTES.d;
  return UNIT_MINUTES.w;
}

function round(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}

/** The first explicit duration in `text`, in minutes ("< 1 hour" → 60), or null. */
export function firstDurationMinutes(text: string): number | null {
  const m = DURATION.exec(text);
  return m ? round(Number(m[1]) * unitMinutes(m[2])) : null;
}

/**
 * A response or escalation time in minutes: an explicit duration wins ("Immediate (< 15 min)" → 15),
 * "immediate" alone is 0, anything else ("Next business day") is null.
 */
export function parseMinutes(text: string): number | null {
  const explicit = firstDurationMinutes(text);
  if (explicit !== null) return explicit;
  return IMMEDIATE.test(text) ? 0 : null;
}

const EVERY = /\bevery\s+(?:(\d+(?:\.\d+)?)\s*(seconds?|secs?|minutes?|mins?|m|hours?|hrs?|hr|h|days?|d)\b|(half[- ]an?[- ]hour|half[- ]hour|minute|hour|day))/i;

/** A cadence such as "every 30 minutes" or "every hour", in minutes, or null. */
export function parseEvery(text: string): number | null {
  const m = EVERY.exec(text);
  if (!m) return null;
  if (m[1]) return round(Number(m[1]) * unitMinutes(m[2]));
  const word = m[3].toLowerCase();
  if (word.startsWith('half')) return 30;
  return word === 'minute' ? 1 : word === 'hour' ? 60 : 1440;
}

const KEY_AT_START = /^\s*((?:P|SEV|Sev|sev|S)[- ]?\d|(?:Severity|Priority|Level)\s+\d)(?=$|[\s:.\-–—)(|,])/;

/** The severity key a heading or table cell starts with ("P0 - Critical" → "P0"), or null. */
export function severityKeyAtStart(text: string): { key: string; rest: string } | null {
  const m = KEY_AT_START.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length).replace(/^\s*[-–—:.)|]\s*/, '').trim();
  return { key: m[1].trim(), rest };
}

/** "SEV-1", "Sev 1" and "sev1" are the same level. */
export function normalizeKey(key: string): string {
  return key.toUpperCase().replace(/[\s-]+/g, '');
}

const KEY_MENTION = /\b(P|SEV-?|S)(\d)(?:\s*(?:-|–|to)\s*(?:P|SEV-?|S)?(\d))?\b/gi;

/** Every severity key mentioned in `text`, ranges expanded: "P2-P4 incidents" → P2, P3, P4. */
export function mentionedKeys(text: string): string[] {
  const keys: string[] = [];
  for (const m of text.matchAll(KEY_MENTION)) {
    const prefix = m[1].toUpperCase().replace('-', '');
    const from = Number(m[2]);
    const to = m[3] !== undefined ? Number(m[3]) : from;
    for (let n = from; n <= Math.min(to, from + 9); n += 1) keys.push(`${prefix}${n}`);
  }
  return keys;
}

/** "1.2 Acknowledge" → "Acknowledge", "A. Common Commands" → "Common Commands", "# 3. View tags" → "View tags". */
export function stripNumbering(text: string): string {
  return text.replace(/^\s*(?:\d+(?:\.\d+)+[.)]?|\d+[.)]|[A-Z][.)])\s+(?=\S)/, '').trim();
}

/** A label as a title: numbering and a trailing colon removed. */
export function cleanTitle(text: string): string {
  return stripNumbering(text).replace(/\s*:\s*$/, '').trim();
}

/** Collapses line breaks and runs of spaces inside a piece of prose. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A column or field about the time to respond — "Response Time", "Respond within", "SLA" — but not "First Responder". */
export const RESPONSE_FIELD = /\brespon(?:se|d)\b|acknowledg|\back\b|\bsla\b|time to/i;
