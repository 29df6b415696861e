import type { ShellSessions } from '../lib/ssh/shell-session';
import type { CommandResult } from '../lib/ssh/ssh-runner';
import { laterStepsMayRunOn, type PlannedStep } from './domain/dry-run';
import type { Procedure } from './domain/procedure-types';
import { paramsInOptionPosition } from './domain/option-guard';
import { valueProblem } from './domain/procedure-validation';
import type { ProcedureRunOptions, StepRecord } from './domain/run-types';
import { waitUntilHealthy } from './verify-health';

const MAX_CHOICES = 50;

export interface StepContext {
  procedure: Procedure;
  runHost: string;
  options: ProcedureRunOptions;
  sessions: ShellSessions;
  // Values so far; a capture step adds its chosen value here.
  values: Record<string, string>;
  // Values given before the run, which a capture must not override.
  given: ReadonlySet<string>;
  now: () => number;
}

export function baseRecord(plan: PlannedStep, runHost: string, startedAt: number): StepRecord {
  return {
    index: plan.index,
    title: plan.title,
    kind: plan.kind,
    runHost,
    host: plan.host,
    command: plan.command,
    status: 'skipped',
    exitCode: null,
    signal: null,
    stdout: '',
    stderr: '',
    truncated: false,
    startedAt,
    durationMs: 0,
    destructive: plan.destructive,
  };
}

// Runs one planned step: asks for confirmation when guarded, runs the
// command or the health check, and captures a value for later steps.
// Connection errors propagate; everything else ends up in the record.
export async function executeStep(plan: PlannedStep, ctx: StepContext): Promise<StepRecord> {
  const startedAt = ctx.now();
  const record = baseRecord(plan, ctx.runHost, startedAt);
  const finish = () => ({ ...record, durationMs: ctx.now() - startedAt });

  if (plan.kind === 'verify-health') {
    const waited = await waitUntilHealthy(
      { url: plan.url, monitor: plan.monitor },
      {
        deadlineMs: plan.timeoutMs,
        intervalMs: plan.intervalMs ?? 2000,
        check: ctx.options.checkHealth,
        signal: ctx.options.signal,
        now: ctx.now,
        onAttempt: (attempt, result) =>
          ctx.options.onOutput?.({
            runHost: ctx.runHost,
            stepIndex: plan.index,
            batch: { stdout: `attempt ${attempt}: ${result.detail}\n`, stderr: '', bytes: 0 },
          }),
      },
    );
    record.status = waited.cancelled ? 'cancelled' : waited.healthy ? 'ok' : 'failed';
    record.stdout = `${waited.healthy ? 'healthy' : 'not healthy'} after ${waited.attempts} attempt(s): ${waited.detail}\n`;
    if (!waited.healthy && !waited.cancelled) record.error = `not healthy within ${plan.timeoutMs / 1000} s: ${waited.detail}`;
    return finish();
  }

  if (plan.awaiting.length) {
    record.status = 'error';
    record.error = `no value for ${plan.awaiting.map((n) => `{{${n}}}`).join(', ')}`;
    return finish();
  }
  if (plan.needsConfirmation) {
    const typed = ctx.options.confirm
      ? await ctx.options.confirm({ procedureId: ctx.procedure.id, runHost: ctx.runHost, step: plan })
      : null;
    if (typed?.trim() !== plan.host) {
      record.status = 'refused';
      const why = plan.destructive
        ? `destructive (${plan.reasons.join('; ')})`
        : plan.reasons.length > 0
          ? `not known to be read-only (${plan.reasons.join('; ')})`
          : 'marked for confirmation';
      record.error = typed
        ? `"${typed}" does not match the host name "${plan.host}"; this ${why} step was not run`
        : `this step is ${why}; type the host name "${plan.host}" to confirm it. Not run.`;
      return finish();
    }
    record.confirmedWith = typed.trim();
  }
  if (ctx.options.signal?.aborted) {
    record.status = 'cancelled';
    return finish();
  }

  const host = plan.host!;
  const last = !laterStepsMayRunOn(ctx.procedure, plan.index, host, ctx.runHost, ctx.values);
  const result: CommandResult = await ctx.sessions.on(host).run(plan.command, {
    timeoutMs: plan.timeoutMs,
    signal: ctx.options.signal,
    onOutput: (batch) => ctx.options.onOutput?.({ runHost: ctx.runHost, stepIndex: plan.index, batch }),
  }, last);
  Object.assign(record, {
    exitCode: result.exitCode,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    truncated: result.truncated,
  });
  record.status = commandStatus(result);
  if (result.status === 'timeout') record.error = `no exit within ${plan.timeoutMs / 1000} s; the channel was closed`;
  if (result.status === 'lost') record.error = `the connection to "${plan.host}" dropped before the command finished`;
  if (result.status === 'signalled') record.error = `the command was killed by signal ${result.signal}`;

  const step = ctx.procedure.steps[plan.index];
  if (record.status === 'ok' && step.kind === 'command' && step.capture) {
    await capture(record, step.capture, result.stdout, ctx);
  }
  return finish();
}

function commandStatus(result: CommandResult): StepRecord['status'] {
  switch (result.status) {
    case 'exited':
      return result.exitCode === 0 ? 'ok' : 'failed';
    case 'timeout':
      return 'timeout';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'failed';
  }
}

async function capture(
  record: StepRecord,
  spec: { param: string; pick: number },
  stdout: string,
  ctx: StepContext,
): Promise<void> {
  const choices = stdout
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line)
    .slice(0, MAX_CHOICES);
  let value: string | undefined;
  if (ctx.given.has(spec.param)) {
    value = ctx.values[spec.param];
  } else {
    const label = ctx.procedure.params.find((p) => p.name === spec.param)?.label ?? spec.param;
    const picked = ctx.options.choose
      ? await ctx.options.choose({
          procedureId: ctx.procedure.id,
          runHost: ctx.runHost,
          stepIndex: record.index,
          param: spec.param,
          label,
          choices,
          suggested: choices[spec.pick],
        })
      : null;
    value = picked ?? choices[spec.pick];
  }
  if (value === undefined) {
    record.status = 'failed';
    record.error = `printed ${choices.length} line(s); line ${spec.pick + 1} was needed to choose {{${spec.param}}}`;
    return;
  }
  const paramSpec = ctx.procedure.params.find((p) => p.name === spec.param);
  const problem = paramSpec ? valueProblem(paramSpec, value, paramsInOptionPosition(ctx.procedure).has(spec.param)) : null;
  if (problem) {
    record.status = 'failed';
    record.error = `cannot use the chosen value: ${problem}`;
    return;
  }
  ctx.values[spec.param] = value;
  record.captured = { param: spec.param, choices, value };
}
