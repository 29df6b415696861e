// How often to post updates, read only from sentences that say so: "Post updates every 30
// minutes", "Update every hour for P1". A sentence about a lock, a cache or a job that runs
// "every 5 seconds" sets no cadence.
import { parseEvery } from './text-patterns';

const COMMUNICATION =
  /\b(?:status\s+)?updates?\b|\bupdat(?:e|ing)\s+(?:the\s+)?(?:stakeholders?|status|customers?|team|channel|incident|everyone|users?|leadership|management|ticket|issue)\b|\bcommunicat\w*|\bcadence\b|\bcheck[\s-]?ins?\b|\bnotify\b/i;
const MACHINERY =
  /\b(?:locks?|leases?|heartbeats?|refresh\w*|poll\w*|scrap\w*|sync\w*|retr(?:y|ies)|cron|backups?|snapshots?|rotat\w*|replicat\w*|cach\w*|tokens?|ttl|health[\s-]?checks?|probes?|jobs?|timers?|metrics?|dashboards?|reconcil\w*|flush\w*|pings?|garbage|interval|scheduler|daemon|agent|worker)\b/i;

/**
 * Cadences written as one word ("hourly", "täglich", "diario") in the languages severity tables
 * are read in; `parseEvery` only knows "every …". Half-hourly is checked before hourly.
 */
const CADENCE_WORDS: readonly [number, RegExp][] = [
  [30, /half[- ]?hourly|halbstündlich|toutes les demi-heures|cada media hora|ogni mezz'?ora|a cada meia hora|elk half uur/i],
  [60, /\bhourly\b|stündlich|toutes les heures|cada hora|ogni ora|de hora em hora|a cada hora|elk uur|ieder uur|\bper uur\b/i],
  [1440, /\bdaily\b|täglich|quotidien|chaque jour|tous les jours|\bdiari[oa]\b|diariamente|cada d[íi]a|ogni giorno|giornalier|\bdi[áa]ri[oa]\b|todos os dias|dagelijks|elke dag/i],
];

/** A cadence written as one word ("hourly" → 60, "täglich" → 1440), or null. */
export function cadenceWord(text: string): number | null {
  for (const [minutes, pattern] of CADENCE_WORDS) if (pattern.test(text)) return minutes;
  return null;
}

/** The update cadence a piece of prose states, in minutes, or null when none of its sentences states one. */
export function cadenceOf(text: string): number | null {
  for (const sentence of text.split(/(?<=[.;!?])\s+/)) {
    if (!COMMUNICATION.test(sentence) || MACHINERY.test(sentence)) continue;
    const minutes = parseEvery(sentence) ?? cadenceWord(sentence);
    if (minutes !== null) return minutes;
  }
  return null;
}
