import { z } from 'zod';
import { IncidentId, LIMITS } from './incidents';
import { Contact, ContactsInput } from './contacts';
import { SchemeChoice, SeverityScheme } from './severity-scheme';
import { LifecycleInput, StatusLifecycle } from './status-lifecycle';
import {
  AddPostmortemActionParams,
  Checklist,
  ChecklistOffer,
  ChecklistPhase,
  CommTemplate,
  PostmortemAction,
  PostmortemTemplate,
  RenderedTemplate,
  SchemeChangePreview,
  UpdatePostmortemActionParams,
} from './workflow';

const NoParams = z.object({}).strict().default({});
// `markdown`'s "Action Items" section always lists `actions`, the tracked items, once there are any.
const Postmortem = z.object({
  incidentId: IncidentId,
  markdown: z.string(),
  edited: z.boolean(),
  updatedAt: z.number().nullable(),
  actions: z.array(PostmortemAction),
  // Post-mortem templates of the runbook packs for the incident's service, which can replace the built-in draft.
  templates: z.array(PostmortemTemplate),
});

export const workflowMethods = {
  'schemes.list': { params: NoParams, result: z.array(SeverityScheme) },
  'schemes.active': { params: NoParams, result: SeverityScheme },
  // Open incidents keep their level: a new scheme applies to incidents declared after it.
  'schemes.setActive': { params: z.object({ scheme: SchemeChoice }).strict(), result: SeverityScheme },
  // Checks a scheme and says what choosing it would mean for open incidents, without choosing it.
  'schemes.preview': { params: z.object({ scheme: SchemeChoice }).strict(), result: SchemeChangePreview },
  'checklists.tick': { params: z.object({ itemId: z.number().int(), done: z.boolean() }).strict(), result: Checklist },
  'checklists.addItem': {
    params: z.object({ checklistId: z.number().int(), text: z.string().trim().min(1, { message: 'the item is empty' }).max(500) }).strict(),
    result: Checklist,
  },
  // Lists of the phases the incident has none of yet (handoff; post-incident before it is resolved).
  'checklists.offers': { params: z.object({ incidentId: IncidentId }).strict(), result: z.array(ChecklistOffer) },
  // Attaches a phase's lists on request; the result is every list the incident then has.
  'checklists.attachPhase': { params: z.object({ incidentId: IncidentId, phase: ChecklistPhase }).strict(), result: z.array(Checklist) },
  // With an incident: the built-in templates and those of its service's runbook packs.
  'templates.list': { params: z.object({ incidentId: IncidentId.optional() }).strict().default({}), result: z.array(CommTemplate) },
  'templates.render': { params: z.object({ incidentId: IncidentId, body: z.string().max(LIMITS.longText) }).strict(), result: RenderedTemplate },
  // channels.* and updates.post: see channel-methods.ts.
  'postmortem.get': { params: z.object({ incidentId: IncidentId }).strict(), result: Postmortem },
  'postmortem.save': { params: z.object({ incidentId: IncidentId, markdown: z.string().max(200_000) }).strict(), result: Postmortem },
  // Without `templateId` a fresh built-in draft; with one of `templates`, that template filled from the incident, saved as the post-mortem.
  'postmortem.regenerate': { params: z.object({ incidentId: IncidentId, templateId: z.string().max(200).optional() }).strict(), result: Postmortem },
  'postmortem.actions.list': { params: z.object({ incidentId: IncidentId }).strict(), result: z.array(PostmortemAction) },
  'postmortem.actions.add': { params: AddPostmortemActionParams, result: PostmortemAction },
  'postmortem.actions.update': { params: UpdatePostmortemActionParams, result: PostmortemAction },
  'postmortem.actions.delete': { params: z.object({ id: z.number().int() }).strict(), result: z.object({ deleted: z.boolean() }) },
  'lifecycle.set': { params: z.object({ lifecycle: LifecycleInput }).strict(), result: StatusLifecycle },
  'contacts.get': { params: NoParams, result: z.array(Contact) },
  'contacts.set': { params: z.object({ contacts: ContactsInput }).strict(), result: z.array(Contact) },
  'notifications.snooze': {
    params: z.object({ scope: z.string().max(100), minutes: z.number().int().min(0).max(7 * 1440) }).strict(),
    result: z.object({ scope: z.string(), until: z.number() }),
  },
} as const;
