import type { SeverityLevel, StatusLifecycle, TimelineEntry } from '../../../../preload/contract';
import { formatClock, formatDate, formatDateTime, formatDuration } from './format-time';
import type { WorkflowIncident } from './incident-types';
import { DEFAULT_LIFECYCLE, statusName } from './lifecycle';
import { postmortemFacts } from './postmortem-facts';

export interface ActionItem {
  text: string;
  owner: string;
  /** "YYYY-MM-DD", or '' when not set yet. */
  due: string;
  done?: boolean;
}

/**
 * What a person wrote into the draft. A root cause or resolution not given here comes from the
 * incident's record (see postmortemFacts); anything still missing becomes a prompt in italics.
 */
export interface PostmortemDetails {
  summary?: string;
  rootCause?: string;
  contributingFactors?: string[];
  resolution?: string;
  actionItems?: ActionItem[];
  wentWell?: string[];
  couldImprove?: string[];
  prevention?: string[];
}

export interface PostmortemOptions {
  /** Needed for the duration of an incident still open; keeps the draft deterministic. */
  now: number;
  /** Every time in the draft is in this zone; default UTC. */
  timeZone?: string;
  /** The incident's own level: "P1 (High)" as it was rated, whatever the scheme is now. */
  level?: SeverityLevel;
  lifecycle?: StatusLifecycle;
  details?: PostmortemDetails;
}

const prompt = (text: string) => `_${text}_`;
const orPrompt = (value: string | undefined, text: string) => (value?.trim() ? value.trim() : prompt(text));

function bullets(items: string[] | undefined, fallback: string, numbered = false): string[] {
  const list = items?.map((i) => i.trim()).filter(Boolean) ?? [];
  const shown = list.length ? list : [prompt(fallback)];
  return shown.map((item, n) => `${numbered ? `${n + 1}.` : '-'} ${item}`);
}

/** One recorded fact as a paragraph, several as a list. */
function recorded(facts: string[], fallback: string): string {
  if (facts.length === 0) return prompt(fallback);
  return facts.length === 1 ? facts[0] : facts.map((f) => `- ${f}`).join('\n');
}

const ACTION_ITEMS_HEADING = '## Action Items';

/** The checkbox lines of the Action Items section; a prompt line when there are none. */
export function actionItemLines(items: readonly ActionItem[]): string[] {
  const shown = items.filter((a) => a.text.trim());
  if (!shown.length) return [`- [ ] ${prompt('Action item')} — Owner: ${prompt('name')} — Due: ${prompt('date')}`];
  return shown.map((a) => `- [${a.done ? 'x' : ' '}] ${a.text.trim()} — Owner: ${orPrompt(a.owner, 'name')} — Due: ${orPrompt(a.due, 'date')}`);
}

/**
 * A saved post-mortem with its Action Items section rewritten from the tracked items, so the
 * exported text never lags the list people tick off. Text without that heading gets the section
 * appended.
 */
export function withActionItems(markdown: string, items: readonly ActionItem[]): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === ACTION_ITEMS_HEADING);
  const section = [ACTION_ITEMS_HEADING, '', ...actionItemLines(items), ''];
  if (start === -1) return [...lines, ...(lines.at(-1)?.trim() ? [''] : []), ...section].join('\n');
  const next = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l));
  return [...lines.slice(0, start), ...section, ...(next === -1 ? [] : lines.slice(next))].join('\n');
}

export function timelineLines(timeline: TimelineEntry[], tz: string, sameDay: boolean): string[] {
  const sorted = [...timeline].sort((a, b) => a.at - b.at || a.id - b.id);
  if (!sorted.length) return [prompt('No timeline entries were recorded.')];
  return sorted.flatMap((e) => {
    const when = sameDay ? formatClock(e.at, tz) : `${formatDate(e.at, tz)} ${formatClock(e.at, tz)}`;
    const [first, ...rest] = e.text.split(/\r?\n/);
    const head = `- ${when} — ${first.trim()}${e.actor ? ` — ${e.actor}` : ''}`;
    // Multi-line entries (a posted update) stay inside their list item as a quote.
    return [head, ...rest.map((line) => (line.trim() ? `  > ${line.trimEnd()}` : '  >'))];
  });
}

/**
 * A Markdown post-mortem draft built from the runbooks' incident report and post-mortem templates,
 * filled from the incident and its timeline. Same input, same text.
 */
export function postmortemDraft(incident: WorkflowIncident, timeline: TimelineEntry[], options: PostmortemOptions): string {
  const tz = options.timeZone ?? 'UTC';
  const lifecycle = options.lifecycle ?? DEFAULT_LIFECYCLE;
  const d = options.details ?? {};
  const end = incident.resolvedAt;
  const duration = formatDuration((end ?? options.now) - incident.createdAt);
  const startDay = formatDate(incident.createdAt, tz);
  const sameDay = [incident.createdAt, ...timeline.map((e) => e.at), end ?? incident.createdAt].every(
    (t) => formatDate(t, tz) === startDay,
  );
  const severity = options.level ? `${incident.severity} (${options.level.name})` : incident.severity;
  const ack = incident.acknowledgedAt === null ? prompt('not acknowledged') : formatDuration(incident.acknowledgedAt - incident.createdAt);
  const facts = postmortemFacts(timeline, lifecycle);

  const lines = [
    `# Incident Post-Mortem: ${incident.title}`,
    '',
    '## Summary',
    '',
    `- **Incident**: #${incident.id}`,
    `- **Date**: ${startDay}`,
    `- **Start**: ${formatDateTime(incident.createdAt, tz)}`,
    `- **End**: ${end === null ? prompt(`still open (${statusName(lifecycle, incident.status)})`) : formatDateTime(end, tz)}`,
    `- **Duration**: ${end === null ? `${duration} so far` : duration}`,
    `- **Severity**: ${severity}`,
    `- **Incident Commander**: ${orPrompt(incident.commander, 'none named')}`,
    `- **Services affected**: ${orPrompt(incident.service, 'not recorded')}`,
    `- **Time to acknowledge**: ${ack}`,
    '',
    orPrompt(d.summary, 'Brief description of what happened.'),
    '',
    '## Impact',
    '',
    orPrompt(incident.impact, 'Users affected (number or percentage), services affected, revenue impact, data loss.'),
    '',
    '## Timeline',
    '',
    `All times ${tz}${sameDay ? `, on ${startDay}` : ''}.`,
    '',
    ...timelineLines(timeline, tz, sameDay),
    '',
    '## Root Cause',
    '',
    d.rootCause?.trim() || recorded(facts.rootCause, 'Detailed explanation of what caused the incident.'),
    '',
    '## Contributing Factors',
    '',
    ...bullets(d.contributingFactors, 'Factor', true),
    '',
    '## Resolution',
    '',
    d.resolution?.trim() || recorded(facts.resolution, 'What was done to fix the issue.'),
    '',
    ACTION_ITEMS_HEADING,
    '',
    ...actionItemLines(d.actionItems ?? []),
    '',
    '## Lessons Learned',
    '',
    '### What went well',
    '',
    ...bullets(d.wentWell, 'What went well'),
    '',
    '### What could be improved',
    '',
    ...bullets(d.couldImprove, 'What could be improved'),
    '',
    '### How to prevent similar incidents',
    '',
    ...bullets(d.prevention, 'How to prevent similar incidents'),
    '',
  ];
  return lines.join('\n');
}
