import { classifyCommand } from '../../lib/shell/classify-command';
import type { Procedure, ProcedureInput, Step } from './procedure-types';
import { resolveProcedureInput } from './procedure-validation';
import { placeholdersIn, renderCommand, renderPlain } from './templates';

export interface PlannedStep {
  index: number;
  title: string;
  kind: Step['kind'];
  // The ssh alias the command runs on; null for verify-health steps, which run here.
  host: string | null;
  // The exact command the host's shell session runs (values quoted for
  // where they stand), or a description of the health check. Placeholders
  // still awaiting a value chosen from an earlier step's output are left as
  // {{name}}.
  command: string;
  url?: string;
  monitor?: string;
  // Verify-health steps: time between attempts.
  intervalMs?: number;
  awaiting: string[];
  destructive: boolean;
  reasons: string[];
  // Destructive or marked confirm: the host name must be typed before it runs.
  needsConfirmation: boolean;
  timeoutMs: number;
  continueOnFailure: boolean;
}

// Every step with its exact command and host, without running anything.
// Throws ProcedureInputError when the input would be refused by a real run.
export function dryRun(procedure: Procedure, input: ProcedureInput): PlannedStep[] {
  const values = resolveProcedureInput(procedure, input);
  return procedure.steps.map((step, index) => planStep(procedure, index, input.host, values));
}

export function planStep(
  procedure: Procedure,
  index: number,
  runHost: string,
  values: Readonly<Record<string, string>>,
): PlannedStep {
  const step = procedure.steps[index];
  const continueOnFailure = step.kind === 'command' && step.continueOnFailure !== undefined
    ? step.continueOnFailure
    : procedure.kind === 'diagnostic';
  if (step.kind === 'verify-health') {
    const url = step.url ? renderPlain(step.url, values) : undefined;
    const target = url ? `GET ${url} until it answers 2xx` : `monitor "${step.monitor}" until it is healthy`;
    return {
      index,
      title: step.title,
      kind: step.kind,
      host: null,
      command: `verify health: ${target}, within ${step.deadline} s`,
      url,
      monitor: step.monitor,
      intervalMs: step.interval * 1000,
      awaiting: missing(step.url ?? '', values),
      destructive: false,
      reasons: [],
      needsConfirmation: false,
      timeoutMs: step.deadline * 1000,
      continueOnFailure,
    };
  }
  const command = renderCommand(step.command, values);
  const host = step.host ? renderPlain(step.host, values) : runHost;
  const verdict = classifyCommand(command);
  return {
    index,
    title: step.title,
    kind: step.kind,
    host,
    command,
    awaiting: missing(`${step.command} ${step.host ?? ''}`, values),
    destructive: verdict.destructive,
    reasons: verdict.reasons,
    // Judged as the command will finally run (values filled in): anything not known to only read is
    // confirmed by typing the host name (diagnostics hold read-only commands only, so never ask).
    needsConfirmation: !verdict.readOnly || step.confirm,
    timeoutMs: step.timeout * 1000,
    continueOnFailure,
  };
}

// Whether a command step after this one could run on the host: a host
// still waiting for a value picked from output could be any.
export function laterStepsMayRunOn(
  procedure: Procedure,
  index: number,
  host: string,
  runHost: string,
  values: Readonly<Record<string, string>>,
): boolean {
  return procedure.steps.slice(index + 1).some((step) => {
    if (step.kind !== 'command') return false;
    if (!step.host) return runHost === host;
    return missing(step.host, values).length > 0 || renderPlain(step.host, values) === host;
  });
}

// Computed from the template: a value may itself contain "{{…}}" text.
function missing(template: string, values: Readonly<Record<string, string>>): string[] {
  return placeholdersIn(template).filter((name) => !Object.prototype.hasOwnProperty.call(values, name));
}
