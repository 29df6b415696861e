import { z } from 'zod';
import { fillJsonBody, fillTemplate, TemplateError } from '../domain/fill-template';
import { messageValues } from '../domain/message-values';
import type { ChannelKind, SendOutcome } from './channel-kind';
import { failedStatus, httpRequest, summariseBody } from './http-request';

const Method = z.enum(['POST', 'PUT', 'PATCH']);
const HeaderName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { message: 'is not a valid header name' });

export const HttpConfig = z
  .object({
    preset: z.enum(['custom', 'pagerduty', 'opsgenie']).default('custom'),
    method: Method.default('POST'),
    headers: z.record(HeaderName, z.string().max(2000)).default({}),
    body: z.string().min(2).max(20_000),
    // What is sent when the incident is resolved; without it nothing is.
    resolve: z.object({ method: Method, url: z.string().min(1).max(2000), body: z.string().max(20_000) }).nullable().default(null),
  })
  .strict();
export type HttpConfig = z.infer<typeof HttpConfig>;

const labelOf = (config: HttpConfig) => (config.preset === 'pagerduty' ? 'PagerDuty' : config.preset === 'opsgenie' ? 'Opsgenie' : 'HTTP request');

/**
 * A templated HTTP request (PagerDuty and Opsgenie are ready-filled ones): the URL and {{secret}}
 * are sealed; the body is JSON with the communication templates' placeholders. The dedupe key is
 * stable per incident, so a second page updates the alert and a resolve closes it.
 */
export const httpKind: ChannelKind<HttpConfig> = {
  kind: 'http',
  label: 'Templated HTTP request',
  config: HttpConfig as z.ZodType<HttpConfig>,
  secretFields: ['url', 'secret'],
  follows: ['resolved'],
  wants: (message, config) => message.event !== 'resolved' || config.resolve !== null,
  async send(message, config, secrets, _memory, io): Promise<SendOutcome> {
    const label = labelOf(config);
    const context = { label, channel: io.channelName ?? label, urlName: 'the URL' };
    const values = messageValues(message, io.now(), secrets);
    const step = message.event === 'resolved' && config.resolve ? { ...config.resolve, urlTemplate: config.resolve.url, part: 'resolve' } : { method: config.method, urlTemplate: '{{url}}', body: config.body, part: 'request' };
    let request;
    try {
      const headers = Object.fromEntries(Object.entries(config.headers).map(([name, value]) => [name, fillTemplate(value, values, 'header', `header ${name}`)]));
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
      request = {
        method: step.method,
        url: fillTemplate(step.urlTemplate, values, 'url', `the ${step.part} URL`),
        headers,
        body: step.body.trim() === '' ? null : fillJsonBody(step.body, values, `the ${step.part} body`),
      };
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      return { ok: false, error: `${label} failed: ${err.message} Fix it in Settings → Channels → ${context.channel}.`, retry: false };
    }
    const answer = await httpRequest(request, io.timeoutMs, context);
    if ('failure' in answer) return answer.failure;
    const { reply, where } = answer;
    if (reply.status < 200 || reply.status >= 300) return failedStatus(reply, where, context);
    const said = summariseBody(reply.body);
    return { ok: true, summary: `${step.part === 'resolve' ? 'resolve' : 'request'} accepted: HTTP ${reply.status} from ${where}${said ? ` (${said})` : ''}` };
  },
};
