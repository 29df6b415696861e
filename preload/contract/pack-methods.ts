import { z } from 'zod';
import { Contact } from './contacts';

const Step = z.object({
  title: z.string(),
  // Packs saved before these fields existed read as shell steps that are not known to be read-only.
  kind: z.enum(['shell', 'sql']).default('shell'),
  command: z.string(),
  written: z.string().nullable().default(null),
  readOnly: z.boolean().default(false),
  destructive: z.boolean(),
  destructiveReasons: z.array(z.string()),
  reasons: z.array(z.string()).default([]),
  note: z.string().nullable().default(null),
  refused: z.string().nullable().default(null),
  condition: z.string().nullable().default(null),
  placeholders: z.array(z.string()),
  needsHost: z.boolean(),
  host: z.string().nullable(),
  line: z.number(),
});
export const PackProcedure = z.object({
  title: z.string(),
  kind: z.enum(['diagnostic', 'rollback', 'resolution']),
  section: z.string(),
  host: z.string().nullable(),
  steps: z.array(Step),
  choice: z.object({ of: z.string(), option: z.string(), count: z.number() }).nullable().default(null),
  line: z.number(),
});
export type PackProcedure = z.infer<typeof PackProcedure>;
export const PackChecklist = z.object({ title: z.string(), items: z.array(z.string()), severities: z.array(z.string()), section: z.string(), line: z.number() });
export const PackTemplate = z.object({ title: z.string(), kind: z.enum(['communication', 'postmortem']), body: z.string(), placeholders: z.array(z.string()), section: z.string(), line: z.number() });
export const PackSeverity = z.object({
  name: z.string(),
  label: z.string(),
  responseMinutes: z.number().nullable(),
  responseText: z.string(),
  definition: z.string(),
  examples: z.array(z.string()),
  updateCadenceMinutes: z.number().nullable(),
  escalation: z.string().nullable(),
  escalateAfterMinutes: z.number().nullable(),
  escalateTo: z.array(z.string()),
  postFixWatchMinutes: z.number().nullable(),
  notify: z.string().nullable(),
  line: z.number(),
});
export const PackContact = z.object({ role: z.string(), name: z.string().nullable(), backup: z.string().nullable(), contact: z.string().nullable(), section: z.string(), line: z.number() });
export const PackEscalation = z.object({ severity: z.string().nullable(), path: z.array(z.string()), afterMinutes: z.number().nullable(), text: z.string(), section: z.string(), line: z.number() });
export const SuggestedMonitor = z.object({
  name: z.string(),
  kind: z.enum(['ssh', 'prometheus', 'http', 'tls']),
  yaml: z.string(),
  fillIn: z.array(z.string()),
  source: z.string(),
  line: z.number(),
});
export type SuggestedMonitor = z.infer<typeof SuggestedMonitor>;

// What the importer found in a Markdown runbook (see main/engine/importer/types.ts).
export const RunbookExtraction = z.object({
  title: z.string(),
  fileName: z.string().nullable(),
  severities: z.array(PackSeverity),
  updateCadenceMinutes: z.number().nullable(),
  checklists: z.array(PackChecklist),
  procedures: z.array(PackProcedure),
  templates: z.array(PackTemplate),
  contacts: z.array(PackContact),
  /** The contacts with a real name, as Settings keeps them. */
  settingsContacts: z.array(Contact),
  escalation: z.array(PackEscalation),
  thresholds: z.array(z.string()),
  suggestedMonitors: z.array(SuggestedMonitor),
  warnings: z.array(z.string()),
});
export type RunbookExtraction = z.infer<typeof RunbookExtraction>;

export const PackContent = z.object({
  checklists: z.array(PackChecklist),
  procedures: z.array(PackProcedure),
  templates: z.array(PackTemplate),
  thresholds: z.array(z.string()),
});
export type PackContent = z.infer<typeof PackContent>;

export const Pack = z.object({
  id: z.number().int(),
  name: z.string(),
  service: z.string(),
  fileName: z.string().nullable(),
  updatedAt: z.number(),
  content: PackContent,
});
export type Pack = z.infer<typeof Pack>;

const indexes = z.array(z.number().int().min(0)).max(1000);
const RunbookText = z.string().min(1, { message: 'the runbook is empty' }).max(600_000, { message: 'the runbook is larger than 512 KiB' });

export const packMethods = {
  'packs.preview': { params: z.object({ text: RunbookText, fileName: z.string().max(260).optional() }).strict(), result: RunbookExtraction },
  // The engine imports the text again and keeps what was ticked; nothing the window sends is trusted as content.
  'packs.save': {
    params: z
      .object({
        text: RunbookText,
        fileName: z.string().max(260).optional(),
        name: z.string().trim().min(1, { message: 'the pack needs a name' }).max(120),
        service: z.string().trim().min(1, { message: 'link the pack to a service' }).max(200),
        keep: z.object({ checklists: indexes, procedures: indexes, templates: indexes }).strict(),
        // Hosts the runbook names (root@host) mapped to hosts Trayage knows.
        hostMap: z.record(z.string().max(200), z.string().max(200)).default({}),
        useSeverities: z.boolean().default(false),
        // The database client SQL steps are run through, reading SQL on its input (`psql -X -h db app`); without one they are left out.
        sqlClient: z.string().trim().min(1).max(300).optional(),
      })
      .strict(),
    // procedureIssues: runbook procedures the SSH area could not accept as they are.
    result: z.object({ pack: Pack, created: z.boolean(), procedureIssues: z.array(z.string()) }),
  },
  'packs.list': { params: z.object({ service: z.string().max(200).optional() }).strict().default({}), result: z.array(Pack) },
  'packs.delete': { params: z.object({ id: z.number().int() }).strict(), result: z.object({ deleted: z.boolean() }) },
} as const;
