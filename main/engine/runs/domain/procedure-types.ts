import { z } from 'zod';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const paramSpecSchema = z.object({
  name: z.string().regex(NAME, 'parameter names are letters, digits and _ (e.g. appDir)'),
  label: z.string().min(1),
  description: z.string().optional(),
  // Used when the run supplies no value.
  default: z.string().optional(),
  required: z.boolean().default(true),
  example: z.string().optional(),
  // Regular expression a value must match in full, checked before the run
  // and on values picked from output. Apart from it, a value starting with
  // "-" is refused where a command could read it as an option (no "--"
  // before its placeholder), unless this pattern explicitly allows a leading
  // "-" (-?[0-9]+ does; .* does not).
  pattern: z.string().optional(),
});

// Offers the lines of a step's stdout as choices for a parameter; `pick` is
// the suggested line (0 = first), e.g. 1 = the previous tag in a
// newest-first tag list.
export const captureSchema = z.object({
  param: z.string().regex(NAME),
  pick: z.number().int().min(0).default(0),
});

export const commandStepSchema = z.object({
  kind: z.literal('command').default('command'),
  title: z.string().min(1),
  // Shell command run on the host, in one shell session with the procedure's
  // other steps there: a `cd`, `export` or assignment holds for later steps
  // (only cd and exported variables where the host has no bash). It runs
  // with errexit and pipefail, so any failed command fails the step, except
  // where the shell itself lets one fail: the condition of if/while/until,
  // a command before && or ||, one negated with !, and (sh without pipefail)
  // any but the last command of a pipeline. {{name}} placeholders are
  // replaced by their values, quoted for where they stand (a word of their
  // own, or inside the command's "…" or '…').
  command: z.string().min(1),
  // ssh config alias or {{param}}; defaults to the host the procedure runs on.
  host: z.string().min(1).optional(),
  // Ask for the host name to be typed even when the command is not flagged destructive.
  confirm: z.boolean().default(false),
  // Seconds.
  timeout: z.number().positive().default(60),
  continueOnFailure: z.boolean().optional(),
  capture: captureSchema.optional(),
});

export const verifyHealthStepSchema = z.object({
  kind: z.literal('verify-health'),
  title: z.string().min(1),
  // Polled with GET until it answers 2xx; {{name}} placeholders allowed.
  url: z.string().min(1).optional(),
  // Monitor name, checked through the callback the engine supplies.
  monitor: z.string().min(1).optional(),
  // Seconds to wait for health, and between attempts.
  deadline: z.number().positive().default(120),
  interval: z.number().positive().default(2),
});

export const stepSchema = z.union([verifyHealthStepSchema, commandStepSchema]);

export const procedureSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase words joined by dashes, e.g. quick-rollback'),
  title: z.string().min(1),
  // diagnostic: read-only, every step runs, may run on many hosts at once.
  // rollback / resolution: step by step, stop at the first failure.
  kind: z.enum(['diagnostic', 'rollback', 'resolution']),
  description: z.string().default(''),
  // Incident types this procedure helps with, e.g. "service-unavailable".
  tags: z.array(z.string()).default([]),
  params: z.array(paramSpecSchema).default([]),
  steps: z.array(stepSchema).min(1),
});

export type ParamSpec = z.infer<typeof paramSpecSchema>;
export type CaptureSpec = z.infer<typeof captureSchema>;
export type CommandStep = z.infer<typeof commandStepSchema>;
export type VerifyHealthStep = z.infer<typeof verifyHealthStepSchema>;
export type Step = z.infer<typeof stepSchema>;
export type Procedure = z.infer<typeof procedureSchema>;
export type ProcedureInputDefinition = z.input<typeof procedureSchema>;

// What a run needs besides the procedure: the host and parameter values.
export interface ProcedureInput {
  host: string;
  params: Record<string, string>;
}
