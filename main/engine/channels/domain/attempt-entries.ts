import type { Incident } from '../../../../preload/contract';
import type { ChannelEvent, ChannelRecipient } from '../channels-port';

export interface AttemptEntry {
  kind: string;
  text: string;
  data: Record<string, unknown>;
}

export interface Attempt {
  deliveryId: number;
  channelId: number;
  channel: string;
  event: ChannelEvent;
  text: string;
  recipient: ChannelRecipient | null;
  templateId: string | null;
  attempt: number;
}

const WHAT: Record<ChannelEvent, string> = { update: 'Update', status: 'Status change', declared: 'Declaration', resolved: 'Resolve', page: 'Page' };

const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 16)} UTC`;

/**
 * A sent status update is the 'update' entry the Communication panel has always written (it restarts
 * the update timer); anything else a channel sent is a 'channel' entry saying what went where.
 */
export function sentEntry(a: Attempt, summary: string): AttemptEntry {
  const data = { channel: a.channel, channelId: a.channelId, deliveryId: a.deliveryId, event: a.event, text: a.text, attempt: a.attempt, summary, templateId: a.templateId ?? undefined };
  if (a.event === 'update') return { kind: 'update', text: `Update sent via ${a.channel}:\n${a.text}`, data };
  const to = a.recipient ? ` to ${a.recipient.name}` : '';
  return { kind: 'channel', text: `${WHAT[a.event]} sent via ${a.channel}${to} (${summary}):\n${a.text}`, data };
}

/** A failed attempt keeps the reason and the whole text, and says whether and when it is tried again. */
export function failedEntry(a: Attempt, error: string, retryAt: number | null, retryable: boolean, maxAttempts: number): AttemptEntry {
  const next =
    retryAt !== null
      ? `Trying again at ${clock(retryAt)} (attempt ${a.attempt + 1} of ${maxAttempts}).`
      : retryable
        ? `Gave up after ${a.attempt} attempts; send it again from the incident when the problem is fixed.`
        : 'Not tried again: sending the same again cannot help.';
  const to = a.recipient ? ` to ${a.recipient.name}` : '';
  return {
    kind: 'update-failed',
    text: `${WHAT[a.event]} NOT sent via ${a.channel}${to}: ${error} ${next}`,
    data: { channel: a.channel, channelId: a.channelId, deliveryId: a.deliveryId, event: a.event, error, text: a.text, attempt: a.attempt, retryAt, gaveUp: retryAt === null },
  };
}

/** One line for subjects and event summaries: what happened to which incident. */
export function defaultSubject(event: ChannelEvent, i: Incident): string {
  const about = `#${i.id} ${i.severity} · ${i.title}`;
  return event === 'page' ? `Page: ${about}` : event === 'resolved' ? `Resolved: ${about}` : event === 'declared' ? `Declared: ${about}` : about;
}

/** What a page says when the person sending it writes nothing. */
export function pageText(i: Incident, recipient: ChannelRecipient | undefined): string {
  const lines = [`${recipient ? `${recipient.name}, you are` : 'You are'} paged for incident #${i.id} (${i.severity}): ${i.title}.`, `Status: ${i.status}.`];
  if (i.impact) lines.push(`Impact: ${i.impact}`);
  if (i.commander) lines.push(`Commander: ${i.commander}`);
  if (i.service) lines.push(`Service: ${i.service}`);
  return lines.join('\n');
}

/** What channels that follow incidents are told on their own. */
export function followText(event: 'declared' | 'status' | 'resolved', after: Incident, before?: Incident, note?: string): string {
  if (event === 'declared') return [`Incident #${after.id} declared (${after.severity}): ${after.title}.`, after.impact && `Impact: ${after.impact}`, after.commander && `Commander: ${after.commander}`].filter(Boolean).join('\n');
  // The note is what the person wrote with the change: on resolving, the resolution.
  if (event === 'resolved') return [`Incident #${after.id} (${after.severity}) is resolved: ${after.title}.`, note && `Resolution: ${note}`].filter(Boolean).join('\n');
  return [`Incident #${after.id} status: ${before?.status ?? '?'} → ${after.status}.`, note].filter(Boolean).join('\n');
}
