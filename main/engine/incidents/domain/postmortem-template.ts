// A post-mortem template a team wrote in its runbook, filled from the incident with the values
// the built-in draft uses: `{{placeholders}}` as in communication templates, and the blanks the
// runbook leaves in brackets ("[Start time]", "[Total downtime]", "P[1-4]") when what they ask
// for is on record. A blank nothing on record answers stays as written, for a person to fill in.
import type { TimelineEntry } from '../../../../preload/contract';
import { formatDate, formatDateTime, formatDuration } from './format-time';
import type { WorkflowIncident } from './incident-types';
import { DEFAULT_LIFECYCLE } from './lifecycle';
import { type PostmortemOptions, timelineLines } from './postmortem';
import { postmortemFacts } from './postmortem-facts';
import { renderTemplate } from './render-template';
import { templateValues } from './template-values';

type Field = 'title' | 'started' | 'ended' | 'duration' | 'severity' | 'impact' | 'commander' | 'service' | 'date' | 'rootCause' | 'resolution';

/** What a bracketed blank asks for, read from its words; the first rule that matches wins. */
const BLANK_RULES: readonly [RegExp, Field][] = [
  [/^(?:incident\s+)?(?:title|name)$|^(?:short\s+)?(?:title|name)\s+of\s+(?:the\s+)?incident$/i, 'title'],
  [/\bstart(?:ed)?\b|\bbegan\b|\bdetected\s+at\b/i, 'started'],
  [/\bend(?:ed)?\b|\bresolved\s+at\b|\brecovered\b/i, 'ended'],
  [/\bduration\b|\bdowntime\b|\bhow\s+long\b/i, 'duration'],
  [/\bseverity\b|\bpriority\b|^(?:p|sev)?[-\s]?\d(?:\s*[-/]\s*\d)?$/i, 'severity'],
  [/\bimpact\b|\baffected\s+(?:users|customers)\b|\b(?:users|customers)\s+affected\b/i, 'impact'],
  [/\bcommander\b|\bincident\s+lead\b|^ic$/i, 'commander'],
  [/\bservices?\b|\bsystems?\s+affected\b/i, 'service'],
  [/^date$|^yyyy-mm-dd$|^date\s+of\s+(?:the\s+)?incident$/i, 'date'],
  [/\broot\s+cause\b|\bwhat\s+caused\b|\btechnical\s+explanation\b/i, 'rootCause'],
  [/\bwhat\s+was\s+done\b|\bhow\s+it\s+was\s+fixed\b|\bresolution\b|\bfix\b/i, 'resolution'],
];

/** `[words]` that is not a link (`[a](b)`, `[a][b]`), a task box (`[ ]`, `[x]`) or part of a longer bracket run. */
const BLANK = /(?<![\]\\])\[([^\[\]\n]{2,80})\](?![(\[:])/g;
/** "P[1-4]", "SEV[1-3]": a level written as its prefix and the range to choose from. */
const LEVEL_CHOICE = /\b(?:P|SEV|S)\[[^\]\n]{1,10}\]/gi;
/** A timeline in a template is example lines to replace: "- HH:MM - Incident detected". */
const EXAMPLE_TIME = /\bHH:MM\b|\[(?:time|timestamp)\]/i;

function fieldOf(words: string): Field | null {
  const text = words.trim();
  for (const [pattern, field] of BLANK_RULES) if (pattern.test(text)) return field;
  return null;
}

/** The body of the first "Timeline" section made of example lines, replaced by the incident's own timeline. */
function withTimeline(markdown: string, lines: readonly string[]): string {
  const all = markdown.split('\n');
  const start = all.findIndex((l) => /^#{1,6}\s+timeline\b/i.test(l.trim()));
  if (start === -1) return markdown;
  const depth = /^#+/.exec(all[start].trim())?.[0].length ?? 2;
  let end = all.findIndex((l, i) => i > start && (/^#{1,6}\s/.exec(l.trim())?.[0].trim().length ?? 7) <= depth);
  if (end === -1) end = all.length;
  const body = all.slice(start + 1, end);
  if (!body.some((l) => EXAMPLE_TIME.test(l))) return markdown;
  return [...all.slice(0, start + 1), '', ...lines, '', ...all.slice(end)].join('\n');
}

/**
 * The template's text with what the incident's record says filled in. `body` is the template as
 * the runbook wrote it (Markdown); the result is the post-mortem's Markdown.
 */
export function postmortemFromTemplate(body: string, incident: WorkflowIncident, timeline: TimelineEntry[], options: PostmortemOptions): string {
  const tz = options.timeZone ?? 'UTC';
  const lifecycle = options.lifecycle ?? DEFAULT_LIFECYCLE;
  const facts = postmortemFacts(timeline, lifecycle);
  const values = templateValues(incident, timeline, options.now, { timeZone: tz, level: options.level, lifecycle });
  const fields: Record<Field, string> = {
    title: incident.title,
    started: formatDateTime(incident.createdAt, tz),
    ended: incident.resolvedAt === null ? '' : formatDateTime(incident.resolvedAt, tz),
    duration: incident.resolvedAt === null ? '' : formatDuration(incident.resolvedAt - incident.createdAt),
    severity: options.level ? `${incident.severity} (${options.level.name})` : incident.severity,
    impact: incident.impact.trim(),
    commander: incident.commander.trim(),
    service: incident.service.trim(),
    date: formatDate(incident.createdAt, tz),
    rootCause: facts.rootCause.join('; '),
    resolution: facts.resolution.join('; '),
  };
  const filled = renderTemplate(body, { ...values, root_cause: fields.rootCause, resolution: fields.resolution, date: fields.date }).text;
  const withLevel = filled.replace(LEVEL_CHOICE, (choice) => fields.severity || choice);
  const withBlanks = withLevel.replace(BLANK, (blank, words: string) => {
    const field = fieldOf(words);
    return field && fields[field] ? fields[field] : blank;
  });
  const start = formatDate(incident.createdAt, tz);
  const sameDay = [incident.createdAt, ...timeline.map((e) => e.at), incident.resolvedAt ?? incident.createdAt].every((t) => formatDate(t, tz) === start);
  const times = [`All times ${tz}${sameDay ? `, on ${start}` : ''}.`, '', ...timelineLines(timeline, tz, sameDay)];
  const text = withTimeline(withBlanks, times);
  return text.endsWith('\n') ? text : `${text}\n`;
}
