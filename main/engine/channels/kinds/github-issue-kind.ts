import { z } from 'zod';
import { GithubIssuesClient } from '../../lib/clients/github-issues-client';
import { ApiFailure } from '../../lib/http/http-exchange';
import { APP_VERSION } from '../../version';
import type { ChannelKind, ChannelMessage, SendIo, SendOutcome } from './channel-kind';

const REPO = /^[\w.-]+\/[\w.-]+$/;
// GitHub refuses longer titles and bodies with a 422; cutting them keeps the update going out.
const MAX_TITLE = 256;
const MAX_BODY = 65_536;
// GitHub's clock and this machine's may differ; issues updated this long before the incident began are looked at too.
const LOOK_BACK_MS = 60 * 60_000;

const GITHUB_ISSUE_PLACEHOLDERS = ['id', 'title', 'severity', 'status', 'service', 'impact', 'commander', 'text'] as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** A template whose placeholders are all known: a misspelt one is refused in Settings rather than posted verbatim. */
function templateField(known: readonly string[], max: number) {
  return z
    .string()
    .max(max, { message: `must be at most ${max} characters` })
    .superRefine((text, ctx) => {
      const unknown = [...text.matchAll(PLACEHOLDER)].map((m) => m[1].toLowerCase()).filter((name) => !known.includes(name));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `{{${unknown[0]}}} is not a placeholder; use ${known.map((k) => `{{${k}}}`).join(', ')}` });
    });
}

/** Fills {{placeholders}}; an empty value shows as "—" so a table cell or line is never left dangling. */
function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name.toLowerCase()]?.trim() || '—');
}

const DEFAULT_BODY = '{{text}}\n\n| Severity | Service | Commander |\n|---|---|---|\n| {{severity}} | {{service}} | {{commander}} |\n\nImpact: {{impact}}\n\n_Trayage incident #{{id}}_';

export const GithubIssueConfig = z
  .object({
    apiUrl: z
      .string()
      .trim()
      .regex(/^https?:\/\/[^/]/, { message: 'must be an http(s) URL such as https://api.github.com' })
      .default('https://api.github.com'),
    repo: z.string().trim().regex(REPO, { message: "must be 'owner/name', e.g. acme/shop" }),
    labels: z.array(z.string().trim().min(1, { message: 'a label cannot be empty' }).max(50)).max(20).default(['incident']),
    /** Services whose incidents get an issue; empty means every incident. */
    services: z.array(z.string().trim().min(1, { message: 'a service name cannot be empty' }).max(200)).max(100).default([]),
    titleTemplate: templateField(GITHUB_ISSUE_PLACEHOLDERS, 500).default('[{{severity}}] {{title}}'),
    bodyTemplate: templateField(GITHUB_ISSUE_PLACEHOLDERS, 20_000).default(DEFAULT_BODY),
  })
  .strict();
export type GithubIssueConfig = z.output<typeof GithubIssueConfig>;

// What is kept per incident between sends; `closed` once the issue was closed on resolve.
const IssueMemory = z.object({ number: z.number().int().positive(), html_url: z.string(), closed: z.boolean().optional() });

function isForService(services: readonly string[], service: string): boolean {
  if (services.length === 0) return true;
  const wanted = service.trim().toLowerCase();
  return services.some((s) => s.trim().toLowerCase() === wanted);
}

function values(message: ChannelMessage): Record<(typeof GITHUB_ISSUE_PLACEHOLDERS)[number], string> {
  const i = message.incident;
  return { id: String(i.id), title: i.title, severity: i.severity, status: i.status, service: i.service, impact: i.impact, commander: i.commander, text: message.text };
}

/** Where a person fixes the channel: "Settings → Channels → NAME". */
const settingsPlace = (io: SendIo) => `Settings → Channels${io.channelName ? ` → ${io.channelName}` : ''}`;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

const AFTER_RESTART = 'Already delivered (found after a restart)';

/**
 * Posts the comment once. Each comment carries its outbox row in a hidden marker; a later attempt
 * at the same row (the engine stopped, or the answer was lost, after GitHub took the comment) first
 * looks for the marker among the issue's comments. True when an earlier attempt had posted it.
 */
async function commentOnce(client: GithubIssuesClient, issueNumber: number, text: string, message: ChannelMessage): Promise<boolean> {
  if (!message.delivery) {
    await client.comment(issueNumber, text);
    return false;
  }
  const marker = `<!-- trayage-delivery:${message.delivery.id} -->`;
  if (message.delivery.attempt > 1 && (await client.findComment(issueNumber, marker, message.incident.createdAt - LOOK_BACK_MS))) return true;
  await client.comment(issueNumber, `${cut(text, MAX_BODY - marker.length - 2)}\n\n${marker}`);
  return false;
}

/**
 * One GitHub issue per incident: opened on declare with the templates and labels, each status
 * change and update a comment, closed with the resolution on resolve.
 */
export const githubIssueKind: ChannelKind<GithubIssueConfig> = {
  kind: 'github-issue',
  label: 'GitHub incident issue',
  config: GithubIssueConfig,
  secretFields: ['token'],
  follows: ['declared', 'status', 'update', 'resolved'],
  // Keeps other services' incidents out of the timeline of this channel altogether.
  wants: (message, config) => isForService(config.services, message.incident.service),
  async send(message, config, secrets, memory, io): Promise<SendOutcome> {
    const { incident } = message;
    const settings = settingsPlace(io);
    // Followed events of other services never get here (`wants`); a person posting here by hand is told why nothing went out.
    if (!isForService(config.services, incident.service)) {
      const service = incident.service ? `"${incident.service}"` : 'not set';
      return {
        ok: false,
        error: `Not this channel's service: the incident's service is ${service}, and this channel keeps issues for ${config.services.join(', ')} only. Add the service in ${settings}, or post to another channel.`,
        retry: false,
      };
    }
    const token = secrets.token ?? '';
    if (!token) return { ok: false, error: `No GitHub token is stored for the issue channel of ${config.repo}. Enter one in ${settings} (a fine-grained token with Issues read and write).`, retry: false };
    const client = new GithubIssuesClient({ apiUrl: config.apiUrl, repo: config.repo, token, userAgent: `Trayage/${APP_VERSION}` }, { ...io, settings });
    const issue = IssueMemory.safeParse(memory);
    const text = cut(message.text.trim() || (message.event === 'resolved' ? 'Resolved.' : message.subject), MAX_BODY);
    try {
      if (!issue.success) {
        if (message.event === 'resolved') return { ok: true, summary: `No issue was opened in ${config.repo} for this incident, so there is none to close.` };
        // An earlier attempt may have opened the issue and lost the answer (a timeout); the marker
        // in its body finds it, so a retry never leaves a second issue open beside the first.
        const marker = `<!-- trayage:${message.dedupeKey}:${incident.createdAt} -->`;
        const earlier = await client.findIssue(marker, incident.createdAt - LOOK_BACK_MS);
        if (earlier) return { ok: true, summary: `${AFTER_RESTART}: issue #${earlier.number} in ${config.repo} was opened by an earlier attempt.`, memory: { ...earlier }, link: earlier.html_url };
        const filled = values(message);
        const opened = await client.openIssue({
          title: cut(fillTemplate(config.titleTemplate, filled), MAX_TITLE),
          body: `${cut(fillTemplate(config.bodyTemplate, filled), MAX_BODY - marker.length - 2)}\n\n${marker}`,
          labels: config.labels,
        });
        return { ok: true, summary: `Opened issue #${opened.number} in ${config.repo}.`, memory: { number: opened.number, html_url: opened.html_url }, link: opened.html_url };
      }
      const { number, html_url: link } = issue.data;
      if (message.event === 'resolved') {
        // Closed before the resolution is posted: when the comment fails and the send is retried,
        // closing again changes nothing, whereas commenting first would post the resolution twice.
        await client.setState(number, 'closed');
        const earlier = await commentOnce(client, number, text, message);
        const summary = earlier ? `${AFTER_RESTART}: issue #${number} in ${config.repo} is closed with the resolution.` : `Closed issue #${number} in ${config.repo} with the resolution.`;
        return { ok: true, summary, memory: { number, html_url: link, closed: true }, link };
      }
      // An incident re-opened after its resolve re-opens its issue, again before the comment.
      const reopen = issue.data.closed === true;
      if (reopen) await client.setState(number, 'open');
      const earlier = await commentOnce(client, number, text, message);
      const summary = earlier
        ? `${AFTER_RESTART}: the update is on issue #${number} in ${config.repo}.`
        : reopen
          ? `Re-opened issue #${number} in ${config.repo} and posted the update.`
          : `Posted the update on issue #${number} in ${config.repo}.`;
      return { ok: true, summary, memory: { number, html_url: link, closed: false }, link };
    } catch (err) {
      if (err instanceof ApiFailure) return { ok: false, error: err.message, retry: err.retry };
      throw err;
    }
  },
};
