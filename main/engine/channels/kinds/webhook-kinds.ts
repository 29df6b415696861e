import { z } from 'zod';
import type { Incident } from '../../../../preload/contract';
import type { ChannelKind, ChannelMessage, SendOutcome } from './channel-kind';
import { failedStatus, httpRequest } from './http-request';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The generic hook's body: the text and the incident as it stands, times in ISO 8601. */
export function jsonWebhookBody(text: string, i: Incident): string {
  return JSON.stringify({
    incident: {
      id: i.id,
      title: i.title,
      severity: i.severity,
      status: i.status,
      impact: i.impact,
      commander: i.commander,
      service: i.service,
      createdAt: iso(i.createdAt),
      acknowledgedAt: iso(i.acknowledgedAt),
      resolvedAt: iso(i.resolvedAt),
      eta: iso(i.eta),
    },
    text,
  });
}

const NoConfig = z.object({}).strict();

function webhookKind(kind: 'slack' | 'json', label: string, body: (m: ChannelMessage) => string): ChannelKind<Record<string, never>> {
  return {
    kind,
    label,
    config: NoConfig as z.ZodType<Record<string, never>>,
    secretFields: ['url'],
    follows: [],
    async send(message, _config, secrets, _memory, io): Promise<SendOutcome> {
      const context = { label, channel: io.channelName ?? label, urlName: 'the webhook URL' };
      const answer = await httpRequest(
        { method: 'POST', url: secrets.url ?? '', headers: { 'content-type': 'application/json; charset=utf-8' }, body: body(message) },
        io.timeoutMs,
        context,
      );
      if ('failure' in answer) return answer.failure;
      const { reply, where } = answer;
      if (reply.status >= 200 && reply.status < 300) return { ok: true, summary: `HTTP ${reply.status} from ${where}` };
      return failedStatus(reply, where, context);
    },
  };
}

/** Slack incoming webhooks take `{ text }`. */
export const slackKind = webhookKind('slack', 'Slack webhook', (m) => JSON.stringify({ text: m.text }));
export const jsonKind = webhookKind('json', 'JSON webhook', (m) => jsonWebhookBody(m.text, m.incident));
