import { z } from 'zod';
import { IncidentId, LIMITS } from './incidents';

// One variant per kind of channel, named as the engine's kind modules are. Settings are flat next
// to the name; secret fields (URLs with keys, tokens, passwords) are write-only: omitted on an edit
// that keeps the stored value, never sent back to a window.
const Name = z.string().trim().min(1, { message: 'name is required' }).max(80);
const Id = z.number().int().optional();
const SecretUrl = z.url({ protocol: /^https?$/, message: 'url must be an http(s) URL' }).max(2000).optional();
const HttpMethod = z.enum(['POST', 'PUT', 'PATCH']);

const SlackChannelInput = z.object({ id: Id, name: Name, kind: z.literal('slack'), url: SecretUrl }).strict();
const JsonChannelInput = z.object({ id: Id, name: Name, kind: z.literal('json'), url: SecretUrl }).strict();
const EmailChannelInput = z
  .object({
    id: Id,
    name: Name,
    kind: z.literal('email'),
    host: z.string().trim().min(1, { message: 'the SMTP host is required' }).max(253),
    port: z.number().int().min(1).max(65_535).optional(),
    security: z.enum(['tls', 'starttls', 'none']).optional(),
    user: z.string().trim().max(320).optional(),
    from: z.email({ message: 'from is not an e-mail address' }).max(320),
    to: z.array(z.email({ message: 'is not an e-mail address' }).max(320)).max(50).optional(),
    password: z.string().max(2000).optional(),
  })
  .strict();
const HttpChannelInput = z
  .object({
    id: Id,
    name: Name,
    kind: z.literal('http'),
    preset: z.enum(['custom', 'pagerduty', 'opsgenie']).optional(),
    method: HttpMethod.optional(),
    headers: z.record(z.string().max(200), z.string().max(2000)).optional(),
    body: z.string().min(2, { message: 'the body template is required' }).max(20_000),
    resolve: z.object({ method: HttpMethod, url: z.string().min(1).max(2000), body: z.string().max(20_000) }).nullable().optional(),
    url: SecretUrl,
    // Used in the URL, headers and body as {{secret}} (a routing key, an API key).
    secret: z.string().max(2000).optional(),
  })
  .strict();

// Checked in detail by the engine's kind modules (owner/name, placeholders, Statuspage IDs).
const GithubIssueChannelInput = z
  .object({
    id: Id,
    name: Name,
    kind: z.literal('github-issue'),
    apiUrl: z.string().trim().max(500).optional(),
    repo: z.string().trim().min(1, { message: "the repository is required ('owner/name')" }).max(200),
    labels: z.array(z.string().trim().max(50)).max(20).optional(),
    // Services whose incidents get an issue; empty or left out: every incident.
    services: z.array(z.string().trim().max(200)).max(100).optional(),
    titleTemplate: z.string().max(500).optional(),
    bodyTemplate: z.string().max(20_000).optional(),
    token: z.string().max(2000).optional(),
  })
  .strict();
const StatuspageChannelInput = z
  .object({
    id: Id,
    name: Name,
    kind: z.literal('statuspage'),
    apiUrl: z.string().trim().max(500).optional(),
    pageId: z.string().trim().min(1, { message: 'the page ID is required' }).max(64),
    componentIds: z.array(z.string().trim().max(64)).max(50).optional(),
    componentStatus: z.enum(['degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance']).optional(),
    impactOverride: z.enum(['none', 'minor', 'major', 'critical']).optional(),
    // Trayage status key → Statuspage status, for lifecycles whose keys are not Statuspage's own.
    statusMap: z.record(z.string().max(40), z.enum(['investigating', 'identified', 'monitoring', 'resolved'])).optional(),
    // What the page says when the incident's resolve resolves it.
    resolveBody: z.string().max(5_000).optional(),
    apiKey: z.string().max(2000).optional(),
  })
  .strict();

export const ChannelInput = z.discriminatedUnion('kind', [SlackChannelInput, JsonChannelInput, EmailChannelInput, HttpChannelInput, GithubIssueChannelInput, StatuspageChannelInput]);
export type ChannelInput = z.infer<typeof ChannelInput>;
export const ChannelKindName = z.enum(['slack', 'json', 'email', 'http', 'github-issue', 'statuspage']);
export type ChannelKindName = z.infer<typeof ChannelKindName>;

export const Channel = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.string(),
  // The kind's settings without its secrets.
  settings: z.record(z.string(), z.unknown()),
  // Secret fields that hold a value; their values never leave the engine.
  secretsSet: z.array(z.string()),
});
export type Channel = z.infer<typeof Channel>;

export const HttpPreset = z.object({
  id: z.enum(['pagerduty', 'opsgenie']),
  label: z.string(),
  url: z.string(),
  secretLabel: z.string(),
  method: HttpMethod,
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  resolve: z.object({ method: HttpMethod, url: z.string(), body: z.string() }),
});
export type HttpPreset = z.infer<typeof HttpPreset>;

// What became of a message: sent now, queued (another engine delivers it, or an earlier message for
// the incident goes first), or failed with the reason and whether it is tried again. The text always
// comes back, so nothing typed is lost.
export const DeliveryResult = z.union([
  z.object({ ok: z.literal(true), state: z.enum(['sent', 'queued']), summary: z.string(), text: z.string(), deliveryId: z.number().int().nullable() }),
  z.object({ ok: z.literal(false), error: z.string(), text: z.string(), deliveryId: z.number().int().nullable(), willRetry: z.boolean() }),
]);
export type DeliveryResult = z.infer<typeof DeliveryResult>;

export const ChannelUpdateParams = z
  .object({
    incidentId: IncidentId,
    // null: copied to the clipboard by the window, only recorded here.
    channelId: z.number().int().nullable(),
    text: z.string().min(1, { message: 'the update is empty' }).max(LIMITS.longText),
    templateId: z.string().max(100).optional(),
  })
  .strict();

export const ChannelPageParams = z
  .object({
    incidentId: IncidentId,
    channelId: z.number().int(),
    recipient: z
      .object({ name: z.string().trim().min(1, { message: 'the name is empty' }).max(LIMITS.shortText), email: z.email({ message: 'is not an e-mail address' }).optional() })
      .strict()
      .optional(),
    // Without it, the page says what the incident is, its impact and who leads it.
    text: z.string().trim().max(LIMITS.longText).optional(),
  })
  .strict();

export const ChannelLink = z.object({ channelId: z.number().int(), channel: z.string(), link: z.string() });

export const channelMethods = {
  'channels.list': { params: z.object({}).strict().default({}), result: z.array(Channel) },
  'channels.save': { params: ChannelInput, result: Channel },
  'channels.delete': { params: z.object({ id: z.number().int() }).strict(), result: z.object({ deleted: z.boolean() }) },
  'channels.presets': { params: z.object({}).strict().default({}), result: z.array(HttpPreset) },
  // Links kept for an incident by its channels (an issue, a status page incident).
  'channels.links': { params: z.object({ incidentId: IncidentId }).strict(), result: z.array(ChannelLink) },
  'channels.page': { params: ChannelPageParams, result: DeliveryResult },
  'updates.post': { params: ChannelUpdateParams, result: DeliveryResult },
} as const;
