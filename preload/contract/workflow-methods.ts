import { z } from 'zod';
import { IncidentId, LIMITS } from './incidents';
import {
  Checklist,
  CommTemplate,
  Contact,
  PostUpdateParams,
  PostUpdateResult,
  RenderedTemplate,
  SeverityScheme,
  StatusDef,
  UpdateChannel,
} from './workflow';

const NoParams = z.object({}).strict().default({});
const Postmortem = z.object({ incidentId: IncidentId, markdown: z.string(), edited: z.boolean(), updatedAt: z.number().nullable() });

export const workflowMethods = {
  'schemes.list': { params: NoParams, result: z.array(SeverityScheme) },
  'schemes.active': { params: NoParams, result: SeverityScheme },
  // An edited scheme is validated in the engine; errors name the level and the field.
  'schemes.setActive': { params: z.object({ scheme: z.unknown() }).strict(), result: SeverityScheme },
  'checklists.tick': { params: z.object({ itemId: z.number().int(), done: z.boolean() }).strict(), result: Checklist },
  'checklists.addItem': {
    params: z.object({ checklistId: z.number().int(), text: z.string().trim().min(1, { message: 'the item is empty' }).max(500) }).strict(),
    result: Checklist,
  },
  'templates.list': { params: NoParams, result: z.array(CommTemplate) },
  'templates.render': { params: z.object({ incidentId: IncidentId, body: z.string().max(LIMITS.longText) }).strict(), result: RenderedTemplate },
  'channels.list': { params: NoParams, result: z.array(UpdateChannel) },
  'channels.save': {
    params: z
      .object({
        id: z.number().int().optional(),
        name: z.string().trim().min(1, { message: 'name is required' }).max(80),
        kind: z.enum(['slack', 'json']),
        // Kept sealed; omitted on an edit that keeps the stored URL.
        url: z.url({ protocol: /^https?$/, message: 'url must be an http(s) URL' }).max(2000).optional(),
      })
      .strict(),
    result: UpdateChannel,
  },
  'channels.delete': { params: z.object({ id: z.number().int() }).strict(), result: z.object({ deleted: z.boolean() }) },
  'updates.post': { params: PostUpdateParams, result: PostUpdateResult },
  'postmortem.get': { params: z.object({ incidentId: IncidentId }).strict(), result: Postmortem },
  'postmortem.save': { params: z.object({ incidentId: IncidentId, markdown: z.string().max(200_000) }).strict(), result: Postmortem },
  'postmortem.regenerate': { params: z.object({ incidentId: IncidentId }).strict(), result: Postmortem },
  'lifecycle.set': { params: z.object({ lifecycle: z.unknown() }).strict(), result: z.object({ statuses: z.array(StatusDef) }) },
  'contacts.get': { params: NoParams, result: z.array(Contact) },
  'contacts.set': { params: z.object({ contacts: z.array(z.unknown()).max(200) }).strict(), result: z.array(Contact) },
  'notifications.snooze': {
    params: z.object({ scope: z.string().max(100), minutes: z.number().int().min(0).max(7 * 1440) }).strict(),
    result: z.object({ scope: z.string(), until: z.number() }),
  },
} as const;
