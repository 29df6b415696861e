import { ShellSessions } from '../lib/ssh/shell-session';
import { planStep } from './domain/dry-run';
import type { Procedure, ProcedureInput } from './domain/procedure-types';
import { resolveProcedureInput } from './domain/procedure-validation';
import type { ProcedureOutcome, ProcedureRunOptions, ProcedureRunResult, StepRecord } from './domain/run-types';
import { baseRecord, executeStep } from './step-executor';

// Runs a procedure on one host, step by step. Input is validated before the
// first step (ProcedureInputError). Rollback and resolution procedures stop
// at the first failed step unless it says continueOnFailure; diagnostics run
// every step. A guarded step without the host name typed stops the run.
// Steps on a host share one shell session: a `cd` or a variable set in one
// step holds in the next, as in the runbook the procedure came from.
export async function runProcedure(
  procedure: Procedure,
  input: ProcedureInput,
  options: ProcedureRunOptions,
): Promise<ProcedureRunResult> {
  const now = options.now ?? Date.now;
  const values = resolveProcedureInput(procedure, input);
  const sessions = new ShellSessions(options.runner);
  const ctx = { procedure, runHost: input.host, options, sessions, values, given: new Set(Object.keys(input.params)), now };
  const startedAt = now();
  const steps: StepRecord[] = [];
  let outcome: ProcedureOutcome = 'ok';
  let anyFailed = false;
  let error: Error | undefined;

  try {
    for (let index = 0; index < procedure.steps.length; index++) {
      const plan = planStep(procedure, index, input.host, values);
      if (outcome !== 'ok') {
        steps.push(baseRecord(plan, input.host, now()));
        continue;
      }
      if (options.signal?.aborted) {
        outcome = 'cancelled';
        steps.push(baseRecord(plan, input.host, now()));
        continue;
      }
      options.onStepStart?.(plan, input.host);
      let record: StepRecord;
      try {
        record = await executeStep(plan, ctx);
      } catch (err) {
        error = err as Error;
        record = { ...baseRecord(plan, input.host, now()), status: 'error', error: error.message };
      }
      steps.push(record);
      options.onStepEnd?.(record);

      if (record.status === 'ok') continue;
      if (record.status === 'error') outcome = 'error';
      else if (record.status === 'refused') outcome = 'refused';
      else if (record.status === 'cancelled') outcome = 'cancelled';
      else if (plan.continueOnFailure) anyFailed = true;
      else outcome = 'failed';
    }
  } finally {
    await sessions.closeAll();
  }
  if (outcome === 'ok' && anyFailed) outcome = 'failed';

  return {
    procedureId: procedure.id,
    title: procedure.title,
    kind: procedure.kind,
    host: input.host,
    ok: outcome === 'ok',
    outcome,
    steps,
    startedAt,
    durationMs: now() - startedAt,
    healthVerified: steps.some((s) => s.kind === 'verify-health' && s.status === 'ok'),
    error,
  };
}

// Runs a read-only diagnostic procedure on several hosts at once. All
// inputs are validated first, so a typo in one host name runs nothing.
export async function runDiagnostics(
  procedure: Procedure,
  hosts: string[],
  params: Record<string, string>,
  options: ProcedureRunOptions,
): Promise<ProcedureRunResult[]> {
  if (procedure.kind !== 'diagnostic') {
    throw new Error(`"${procedure.id}" is a ${procedure.kind} procedure; only diagnostics run on several hosts at once.`);
  }
  for (const host of hosts) resolveProcedureInput(procedure, { host, params });
  return Promise.all(hosts.map((host) => runProcedure(procedure, { host, params }, options)));
}
