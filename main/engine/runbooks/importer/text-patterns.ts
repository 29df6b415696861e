// Readings of short pieces of prose taken from a single Markdown node: durations,
// severity keys and headings with their numbering. Durations and "immediately" are read in
// English, German, French, Spanish, Italian, Portuguese and Dutch, the languages runbook
// tables are most often written in besides English.

const UNIT_MINUTES = { s: 1 / 60, m: 1, h: 60, d: 1440, w: 10080 } as const;
type Unit = keyof typeof UNIT_MINUTES;

// Longest words first, so that "minutes" is not read as "m" and "Stunden" not as "St".
const UNIT_WORDS: readonly [Unit, string][] = [
  ['s', 'seconds|second|secs|sec|sekunden|sekunde|secondes|seconde|segundos|segundo|secondi|seconden|s'],
  ['m', 'minutes|minute|minuten|minutos|minuto|minuti|minuut|mins|min|m'],
  ['h', 'hours|hour|hrs|hr|stunden|stunde|std|heures|heure|horas|hora|ore|ora|uur|h'],
  ['d', 'days|day|tagen|tage|tag|jours|jour|días|dias|día|dia|giorni|giorno|dagen|dag|d'],
  ['w', 'weeks|week|wochen|woche|semaines|semaine|semanas|semana|settimane|settimana|weken|wk|wks|w'],
];
const UNITS = UNIT_WORDS.map(([, words]) => words).join('|');
/** A number and a unit, the unit not followed by another letter ("15 min", "2 Stunden", "1 día"). */
const DURATION = new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*(${UNITS})\\.?(?![\\p{L}\\p{N}])`, 'iu');
const IMMEDIATE = /(?<![\p{L}])(immediate(?:ly)?|asap|at once|right away|sofort|unverzüglich|umgehend|immédiat(?:e|ement)?|imm[ée]diatement|inmediat[oa]|inmediatamente|immediat[oa]|immediatamente|imediat[oa]|imediatamente|onmiddellijk|direct)(?![\p{L}])/iu;

function unitMinutes(unit: string): number {
  const word = unit.toLowerCase();
  for (const [key, words] of UNIT_WORDS) if (words.split('|').includes(word)) return UNIT_MINUTES[key];
  return UNIT_MINUTES.m;
}

function round(minutes: number): number {
  return Math.round(minutes * 100) / 100;
}

function amount(text: string): number {
  return Number(text.replace(',', '.'));
}

/** The first explicit duration in `text`, in minutes ("< 1 hour" → 60, "2 Stunden" → 120), or null. */
export function firstDurationMinutes(text: string): number | null {
  const m = DURATION.exec(text);
  return m ? round(amount(m[1]) * unitMinutes(m[2])) : null;
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

const EVERY = new RegExp(
  `\\bevery\\s+(?:(\\d+(?:\\.\\d+)?)\\s*(${UNITS})(?![\\p{L}])|(half[- ]an?[- ]hour|half[- ]hour|minute|hour|day))`,
  'iu',
);

/** A cadence such as "every 30 minutes" or "every hour", in minutes, or null. */
export function parseEvery(text: string): number | null {
  const m = EVERY.exec(text);
  if (!m) return null;
  if (m[1]) return round(Number(m[1]) * unitMinutes(m[2]));
  const word = m[3].toLowerCase();
  if (word.startsWith('half')) return 30;
  return word === 'minute' ? 1 : word === 'hour' ? 60 : 1440;
}

const KEY_AT_START = /^\s*((?:P|SEV|Sev|sev|S)[- ]?\d|(?:Severity|Priority|Level|Sev|Prio)\s+(?:\d|[A-E])\b|(?:Schweregrad|Stufe|Priorität|Gravité|Niveau|Priorité|Severidad|Nivel|Prioridad)\s+\d)(?=$|[\s:.\-–—)(|,])/;

/** The severity key a heading or table cell starts with ("P0 - Critical" → "P0"), or null. */
export function severityKeyAtStart(text: string): { key: string; rest: string } | null {
  const m = KEY_AT_START.exec(text);
  if (!m) return null;
  return { key: m[1].trim(), rest: restAfterKey(text.slice(m[0].length)) };
}

/** Level names used instead of numbers, in the languages above. */
const NAMED_LEVEL = /^\s*(critical|crit|blocker|emergency|urgent|severe|major|high|medium|moderate|normal|minor|low|trivial|cosmetic|warning|info|informational|kritisch|hoch|mittel|niedrig|gering|critique|majeur|élevée?|moyenne?|mineur|faible|basse|crítico|crítica|alta|alto|media|medio|baja|bajo|critico|grave|bassa|basso|crítica|média|baixa|kritiek|hoog|gemiddeld|laag)(?=$|[\s:.\-–—)(|,])/iu;

/** A named level at the start ("High (Urgent)" → "High"), or null. */
export function namedLevelAtStart(text: string): { key: string; rest: string } | null {
  const m = NAMED_LEVEL.exec(text);
  if (!m) return null;
  return { key: m[1], rest: restAfterKey(text.slice(m[0].length)) };
}

/** A short level code of a table or list made for levels: "A", "S1", "L2", "1", "Tier 2". */
const SHORT_CODE = /^\s*((?:tier\s+)?[A-Z]\d?|[A-Z]{1,3}\d{1,2}|\d{1,2})(?=$|[\s:.\-–—)(|,])/i;

/**
 * The level named by a cell or label known to hold one (in a severity column or under a
 * severity heading): a severity key, a named level, a short code, else the whole short text.
 */
export function levelInCell(text: string): { key: string; rest: string } | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const keyed = severityKeyAtStart(trimmed) ?? namedLevelAtStart(trimmed) ?? levelCodeAtStart(trimmed);
  if (keyed) return keyed;
  return trimmed.length <= 40 ? { key: trimmed, rest: '' } : null;
}

/** A short level code at the start ("A - Outage" → "A", "S2: Degraded" → "S2"), or null. */
export function levelCodeAtStart(text: string): { key: string; rest: string } | null {
  const code = SHORT_CODE.exec(text);
  return code ? { key: code[1], rest: restAfterKey(text.slice(code[0].length)) } : null;
}

function restAfterKey(rest: string): string {
  const label = rest.replace(/^\s*[-–—:.)|]\s*/, '').trim();
  // "(Critical)" → "Critical", but "High (Urgent)" keeps its parenthesis.
  return /^\([^()]*\)$/.test(label) ? label.slice(1, -1).trim() : label;
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

/** A label as a title: numbering and a trailing colon or full stop removed. */
export function cleanTitle(text: string): string {
  return stripNumbering(text).replace(/\s*[:.]\s*$/, '').trim();
}

/** Collapses line breaks and runs of spaces inside a piece of prose. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The first sentence of a piece of prose ("Payments on-call. Owned by …" → "Payments on-call"). */
export function firstSentence(text: string): string {
  const line = oneLine(text);
  const end = /[.!?](?=\s|$)/.exec(line);
  return (end ? line.slice(0, end.index) : line).trim();
}

/** A column or field about the time to respond — "Response Time", "Reaktionszeit", "SLA" — but not "First Responder". */
export const RESPONSE_FIELD =
  /\brespon(?:se|d)\b|acknowledg|\back\b|\bsla\b|time to|reaktionszeit|reaktion|antwortzeit|d[ée]lai|temps de r[ée]ponse|r[ée]ponse|prise en charge|tiempo de respuesta|respuesta|plazo|tempo di risposta|tempo de resposta|reactietijd/i;
