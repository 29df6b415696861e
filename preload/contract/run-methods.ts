import { z } from 'zod';
import { IncidentId } from './incidents';

const NoParams = z.object({}).strict().default({});
// An ssh config alias or [user@]host[:port]; the engine checks it again where it is used.
const HostAlias = z.string().trim().min(1, { message: 'host is required' }).max(255)
  .regex(/^[A-Za-z0-9_.@:[\]%+-]+$/, { message: 'a host is an ssh alias or [user@]host[:port], without spaces or quotes' })
  .refine((s) => !s.startsWith('-'), { message: 'a host cannot start with "-"' });
const Fingerprint = z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, { message: 'a fingerprint looks like SHA256: followed by 43 characters' });
const RunId = z.number().int().positive();
const ParamValues = z.record(z.string().max(64), z.string().max(4000));

export const ProcedureKind = z.enum(['diagnostic', 'rollback', 'resolution']);

export const ProcedureInfo = z.object({
  id: z.string(),
  title: z.string(),
  kind: ProcedureKind,
  description: z.string(),
  tags: z.array(z.string()),
  params: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      description: z.string().optional(),
      default: z.string().optional(),
      required: z.boolean(),
      example: z.string().optional(),
      pattern: z.string().optional(),
      // Chosen from an earlier step's output during the run rather than typed before it.
      captured: z.boolean(),
    }),
  ),
  steps: z.array(z.object({ kind: z.enum(['command', 'verify-health']), title: z.string() })),
  source: z.enum(['built-in', 'team']),
  // The definition as stored, for editing a team procedure.
  text: z.string().nullable(),
});
export type ProcedureInfo = z.infer<typeof ProcedureInfo>;

export const PlannedStep = z.object({
  index: z.number().int(),
  title: z.string(),
  kind: z.enum(['command', 'verify-health']),
  host: z.string().nullable(),
  command: z.string(),
  awaiting: z.array(z.string()),
  destructive: z.boolean(),
  reasons: z.array(z.string()),
  needsConfirmation: z.boolean(),
  timeoutMs: z.number(),
  continueOnFailure: z.boolean(),
});
export type PlannedStep = z.infer<typeof PlannedStep>;

export const SshHost = z.object({
  alias: z.string(),
  hostName: z.string(),
  user: z.string(),
  port: z.number().int(),
  proxyJump: z.array(z.string()),
  identityFiles: z.array(z.string()),
  source: z.enum(['ssh-config', 'app']),
  // Why this entry cannot be resolved (e.g. a bad Port line), null when it can.
  problem: z.string().nullable(),
});
export type SshHost = z.infer<typeof SshHost>;

export const HostsOverview = z.object({
  sshConfigPath: z.string(),
  sshConfigExists: z.boolean(),
  // Null: ~/.ssh/config.
  configuredSshConfigPath: z.string().nullable(),
  knownHostsFiles: z.array(z.string()),
  trustedKnownHostsFile: z.string(),
  hosts: z.array(SshHost),
  problem: z.string().nullable(),
});
export type HostsOverview = z.infer<typeof HostsOverview>;

export const HostKeyProblem = z.object({
  // The hop whose key is at fault: the host itself or one of its jump hosts.
  alias: z.string(),
  status: z.enum(['unknown', 'changed', 'revoked']),
  keyType: z.string(),
  fingerprint: z.string(),
  // Changed keys: what known_hosts has on record.
  expected: z.array(z.string()),
  recordedIn: z.string().nullable(),
});
export type HostKeyProblem = z.infer<typeof HostKeyProblem>;

export const RunStatusName = z.enum(['running', 'ok', 'failed', 'refused', 'cancelled', 'error', 'interrupted']);
export const RunStepStatus = z.enum(['pending', 'running', 'ok', 'failed', 'timeout', 'cancelled', 'refused', 'skipped', 'error']);

export const RunStep = z.object({
  host: z.string(),
  index: z.number().int(),
  title: z.string(),
  kind: z.enum(['command', 'verify-health']),
  target: z.string().nullable(),
  command: z.string(),
  status: RunStepStatus,
  exitCode: z.number().int().nullable(),
  signal: z.string().nullable(),
  startedAt: z.number().nullable(),
  durationMs: z.number().nullable(),
  destructive: z.boolean(),
  needsConfirmation: z.boolean(),
  reasons: z.array(z.string()),
  confirmedWith: z.string().nullable(),
  captured: z.object({ param: z.string(), choices: z.array(z.string()), value: z.string() }).nullable(),
  error: z.string().nullable(),
  outputBytes: z.number(),
});
export type RunStep = z.infer<typeof RunStep>;

export const RunPrompt = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('confirm'),
    host: z.string(),
    stepIndex: z.number().int(),
    title: z.string(),
    target: z.string(),
    command: z.string(),
    destructive: z.boolean(),
    reasons: z.array(z.string()),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('choose'),
    host: z.string(),
    stepIndex: z.number().int(),
    param: z.string(),
    label: z.string(),
    choices: z.array(z.string()),
    suggested: z.string().nullable(),
  }),
]);
export type RunPrompt = z.infer<typeof RunPrompt>;

export const RunHostResult = z.object({
  host: z.string(), outcome: z.enum(['running', 'ok', 'failed', 'refused', 'cancelled', 'error']), error: z.string().nullable(), hostKey: HostKeyProblem.nullable(), healthVerified: z.boolean(),
});

export const RunSummary = z.object({
  id: RunId,
  incidentId: z.number().int().nullable(),
  procedureId: z.string(),
  title: z.string(),
  kind: ProcedureKind,
  hosts: z.array(z.string()),
  actor: z.string(),
  status: RunStatusName,
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  error: z.string().nullable(),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunDetail = RunSummary.extend({
  params: z.record(z.string(), z.string()),
  outputDir: z.string(),
  steps: z.array(RunStep),
  hostResults: z.array(RunHostResult),
  prompts: z.array(RunPrompt),
  // Set when a verified-health run tried to move its incident to Monitoring.
  monitoring: z.object({ moved: z.boolean(), message: z.string() }).nullable(),
});
export type RunDetail = z.infer<typeof RunDetail>;

// The stored copy keeps the beginning and the end (truncated); the file has everything.
export const StepOutput = z.object({ stdout: z.string(), stderr: z.string(), bytes: z.number(), truncated: z.boolean(), file: z.string().nullable() });

export const HostCheck = z.object({
  alias: z.string(), ok: z.boolean(), authenticatedWith: z.string().nullable(), via: z.array(z.string()), error: z.string().nullable(), hostKey: HostKeyProblem.nullable(),
});

export const runMethods = {
  'procedures.list': { params: NoParams, result: z.array(ProcedureInfo) },
  // A team procedure as YAML or JSON text; validated like the built-ins.
  'procedures.save': { params: z.object({ text: z.string().min(1).max(200_000) }).strict(), result: ProcedureInfo },
  'procedures.delete': { params: z.object({ id: z.string().max(100) }).strict(), result: z.object({ deleted: z.boolean() }) },
  'hosts.list': { params: NoParams, result: HostsOverview },
  'hosts.add': {
    params: z
      .object({
        alias: z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, { message: 'alias: letters, digits, ".", "_" or "-", e.g. web-1' }),
        hostName: z.string().trim().regex(/^[A-Za-z0-9_.:-]{1,253}$/, { message: 'host name: a DNS name or an IP address' }),
        user: z.string().trim().regex(/^[A-Za-z0-9_.][A-Za-z0-9_.-]{0,31}$/, { message: 'user: a login name such as deploy' }).optional(),
        port: z.number().int().min(1).max(65535).optional(),
        identityFile: z.string().trim().min(1).max(1000).optional(),
        proxyJump: HostAlias.optional(),
      })
      .strict(),
    result: HostsOverview,
  },
  'hosts.remove': { params: z.object({ alias: z.string().max(255) }).strict(), result: HostsOverview },
  'hosts.settings': {
    params: z
      .object({
        sshConfigPath: z.string().trim().min(1).max(1000).nullable().optional(),
        knownHostsFiles: z.array(z.string().trim().min(1).max(1000)).max(10).optional(),
      })
      .strict(),
    result: HostsOverview,
  },
  // Connects without running anything: shows whether the key is known and authentication works.
  'hosts.check': { params: z.object({ alias: HostAlias }).strict(), result: HostCheck },
  // Remembers the key the host presents if it has exactly this fingerprint; a changed key is never replaced.
  'hosts.trust': {
    params: z.object({ alias: HostAlias, fingerprint: Fingerprint }).strict(),
    result: z.object({ alias: z.string(), fingerprint: z.string(), trusted: z.boolean(), message: z.string() }),
  },
  'runs.dryRun': {
    params: z.object({ procedureId: z.string().max(100), hosts: z.array(HostAlias).min(1).max(20), params: ParamValues.default({}) }).strict(),
    result: z.object({ procedureId: z.string(), hosts: z.array(z.object({ host: z.string(), steps: z.array(PlannedStep) })) }),
  },
  'runs.start': {
    params: z
      .object({
        procedureId: z.string().max(100),
        hosts: z.array(HostAlias).min(1).max(20),
        params: ParamValues.default({}),
        incidentId: IncidentId.optional(),
        // Host names typed in advance; guarded steps on other hosts ask during the run.
        confirmations: z.array(z.string().max(255)).max(20).default([]),
      })
      .strict(),
    result: z.object({ runId: RunId }),
  },
  'runs.cancel': { params: z.object({ runId: RunId }).strict(), result: z.object({ cancelled: z.boolean() }) },
  'runs.get': { params: z.object({ runId: RunId }).strict(), result: RunDetail },
  'runs.list': {
    params: z.object({ incidentId: IncidentId.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    result: z.array(RunSummary),
  },
  'runs.stepOutput': {
    params: z.object({ runId: RunId, host: z.string().max(255), stepIndex: z.number().int().min(0) }).strict(),
    result: StepOutput,
  },
  // Answers a confirmation (the host name as typed) or a choice; null declines.
  'runs.respond': {
    params: z.object({ runId: RunId, promptId: z.string().max(64), value: z.string().max(4000).nullable() }).strict(),
    result: z.object({ accepted: z.boolean() }),
  },
  // Used once to decrypt the key in memory; never stored. Null skips that key.
  'runs.answerPassphrase': {
    params: z.object({ requestId: z.string().max(64), passphrase: z.string().max(1000).nullable() }).strict(),
    result: z.object({ accepted: z.boolean() }),
  },
} as const;
