import { z } from 'zod';
import { ComponentStatus, type IncidentWithUpdates, StatuspageClient, StatuspageImpact, StatuspageStatus, statuspageStatus } from '../../lib/clients/statuspage-client';
import { ApiFailure } from '../../lib/http/http-exchange';
import { APP_VERSION } from '../../version';
import type { ChannelKind, SendIo, SendOutcome } from './channel-kind';

// Statuspage IDs (pages, components) are short lower-case alphanumeric strings such as "kctbh9vrtdwd".
const StatuspageId = (what: string) =>
  z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,64}$/, { message: `must be a Statuspage ${what} ID (letters and digits, e.g. kctbh9vrtdwd)` });

export const StatuspageConfig = z
  .object({
    apiUrl: z
      .string()
      .trim()
      .regex(/^https?:\/\/[^/]/, { message: 'must be an http(s) URL such as https://api.statuspage.io/v1' })
      .default('https://api.statuspage.io/v1'),
    pageId: StatuspageId('page'),
    componentIds: z.array(StatuspageId('component')).max(50).default([]),
    /** Set on the components while the incident is open; left out, the components are only listed as affected. */
    componentStatus: ComponentStatus.optional(),
    impactOverride: StatuspageImpact.optional(),
    /** Trayage status key → Statuspage status, for lifecycles whose keys are not Statuspage's own. */
    statusMap: z.record(z.string(), StatuspageStatus).default({}),
    /** What the page says when the incident's resolve resolves it (the engine's own resolve note is for the team, not the public). */
    resolveBody: z.string().trim().min(1, { message: 'cannot be empty' }).max(5_000).default('This incident has been resolved.'),
  })
  .strict();
export type StatuspageConfig = z.output<typeof StatuspageConfig>;

const settingsPlace = (io: SendIo) => `Settings → Channels${io.channelName ? ` → ${io.channelName}` : ''}`;

const IncidentMemory = z.object({ id: z.string().min(1), shortlink: z.string().nullish() });

// Statuspage's clock and this machine's may differ; incidents opened this long before the Trayage incident count too.
const LOOK_BACK_MS = 60 * 60_000;
const AFTER_RESTART = 'Already delivered (found after a restart)';

/** The update shown last: the latest created_at, the first listed among equals (Statuspage lists newest first). */
function newestUpdate(incident: IncidentWithUpdates): IncidentWithUpdates['incident_updates'][number] | undefined {
  let newest: IncidentWithUpdates['incident_updates'][number] | undefined;
  for (const update of incident.incident_updates) if (!newest || Date.parse(update.created_at) > Date.parse(newest.created_at)) newest = update;
  return newest;
}

/**
 * An incident on an Atlassian Statuspage page: the first post for an incident opens it (named by the
 * incident's title), later posts update it with the status mapped from the incident's, and the
 * incident's resolve resolves it. Nothing is posted by itself but the resolve: a public page says
 * only what a person chose to post. A retried post first looks whether its earlier attempt landed
 * (an incident of that name opened since the incident began; the same text and status as the
 * newest update), since a public page must not show the same news twice.
 */
export const statuspageKind: ChannelKind<StatuspageConfig> = {
  kind: 'statuspage',
  label: 'Atlassian Statuspage',
  config: StatuspageConfig,
  secretFields: ['apiKey'],
  follows: ['resolved'],
  async send(message, config, secrets, memory, io): Promise<SendOutcome> {
    const settings = settingsPlace(io);
    const apiKey = secrets.apiKey ?? '';
    if (!apiKey) return { ok: false, error: `No Statuspage API key is stored for the channel of page ${config.pageId}. Enter one in ${settings}.`, retry: false };
    const { incident } = message;
    const known = IncidentMemory.safeParse(memory);
    const resolved = message.event === 'resolved' || incident.resolvedAt !== null;
    const change = {
      status: statuspageStatus(incident.status, resolved, config.statusMap),
      body: message.event === 'resolved' ? config.resolveBody : message.text,
      componentIds: config.componentIds,
      componentStatus: config.componentStatus,
    };
    const client = new StatuspageClient({ apiUrl: config.apiUrl, pageId: config.pageId, apiKey, userAgent: `Trayage/${APP_VERSION}` }, { ...io, settings });
    // A later attempt may follow one that Statuspage took but whose answer never came: it looks first.
    const retry = (message.delivery?.attempt ?? 1) > 1;
    try {
      if (!known.success) {
        // A resolve follows the incident by itself; it must not publish an incident nobody posted.
        if (message.event === 'resolved') return { ok: true, summary: `No incident was opened on status page ${config.pageId} for this incident, so there is none to resolve.` };
        if (retry) {
          const earlier = await client.findIncident(incident.title, incident.createdAt - LOOK_BACK_MS);
          if (earlier) {
            const link = earlier.shortlink ?? undefined;
            return { ok: true, summary: `${AFTER_RESTART}: incident ${earlier.id} on status page ${config.pageId} was opened by an earlier attempt.`, memory: { id: earlier.id, shortlink: earlier.shortlink ?? null }, link };
          }
        }
        // The incident's title, not the message subject: subjects carry internal ids and severities.
        const opened = await client.createIncident({ ...change, name: incident.title, impactOverride: config.impactOverride });
        const link = opened.shortlink ?? undefined;
        return { ok: true, summary: `Opened incident ${opened.id} on status page ${config.pageId} (${change.status}).`, memory: { id: opened.id, shortlink: opened.shortlink ?? null }, link };
      }
      const { id } = known.data;
      if (retry) {
        const newest = newestUpdate(await client.getIncident(id));
        if (newest && newest.status === change.status && (newest.body ?? '').trim() === change.body.trim()) {
          const shortlink = known.data.shortlink ?? null;
          return { ok: true, summary: `${AFTER_RESTART}: incident ${id} on status page ${config.pageId} already shows this update (${change.status}).`, memory: { id, shortlink }, link: shortlink ?? undefined };
        }
      }
      const updated = await client.updateIncident(id, change);
      const shortlink = updated.shortlink ?? known.data.shortlink ?? null;
      return { ok: true, summary: `Updated incident ${id} on status page ${config.pageId} (${change.status}).`, memory: { id, shortlink }, link: shortlink ?? undefined };
    } catch (err) {
      if (err instanceof ApiFailure) return { ok: false, error: err.message, retry: err.retry };
      throw err;
    }
  },
};
