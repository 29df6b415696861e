import { HostKeyUnknownError, isHostKeyError } from '../../engine/lib/ssh/host-key-errors';
import type { PlannedStep } from '../../engine/runs/domain/dry-run';
import type { Procedure } from '../../engine/runs/domain/procedure-types';
import type { ProcedureRunResult, StepRecord } from '../../engine/runs/domain/run-types';

export function formatPlan(procedure: Procedure, host: string, plan: PlannedStep[]): string {
  const lines = [`${procedure.title} (${procedure.id}) on ${host} — dry run, nothing executed:`];
  for (const step of plan) {
    const guard = step.needsConfirmation ? `  [needs --confirm ${step.host}${step.destructive ? `: ${step.reasons.join('; ')}` : ''}]` : '';
    lines.push(`  ${step.index + 1}. ${step.title}${step.host ? ` @ ${step.host}` : ''}${guard}`);
    lines.push(`     ${step.kind === 'command' ? '$ ' : ''}${step.command}`);
    if (step.awaiting.length) lines.push(`     (${step.awaiting.map((n) => `{{${n}}}`).join(', ')} chosen from an earlier step's output)`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatStepHeader(step: PlannedStep, total: number): string {
  const where = step.host ? ` @ ${step.host}` : '';
  const prefix = step.kind === 'command' ? '$ ' : '';
  return `\n▸ [${step.index + 1}/${total}] ${step.title}${where}\n${prefix}${step.command}\n`;
}

export function formatStepEnd(record: StepRecord): string {
  const exit = record.exitCode !== null ? `exit ${record.exitCode}` : record.signal ? `signal ${record.signal}` : record.status;
  const mark = record.status === 'ok' ? '✓' : '✗';
  const captured = record.captured ? `\n  {{${record.captured.param}}} = ${record.captured.value}` : '';
  const error = record.error ? `\n  ${record.error}` : '';
  return `${mark} ${exit} in ${record.durationMs} ms${captured}${error}\n`;
}

export function formatGuardRefusal(host: string, guarded: PlannedStep[]): string {
  const lines = [`Nothing was run: these steps change ${host} and need --confirm HOST with the host name typed out:`];
  for (const step of guarded) {
    const why = step.destructive ? step.reasons.join('; ') : 'marked for confirmation';
    lines.push(`  ${step.index + 1}. ${step.title} @ ${step.host} (${why})`, `     $ ${step.command}`);
  }
  const hosts = [...new Set(guarded.map((s) => s.host))];
  lines.push(`Review them (or use --dry-run), then rerun with ${hosts.map((h) => `--confirm ${h}`).join(' ')}.`);
  return `${lines.join('\n')}\n`;
}

export function formatRunError(err: Error): string {
  if (err instanceof HostKeyUnknownError) {
    return (
      `${err.message}\nNothing was run. If this is the right key, rerun with --trust ${err.fingerprint} ` +
      'to trust it (it is then remembered in Trayage\'s own known_hosts).\n'
    );
  }
  return `${err.message}\n`;
}

export function toJson(result: ProcedureRunResult): unknown {
  return {
    procedure: result.procedureId,
    host: result.host,
    ok: result.ok,
    outcome: result.outcome,
    healthVerified: result.healthVerified,
    steps: result.steps.map((s) => ({
      title: s.title,
      host: s.host,
      command: s.command,
      status: s.status,
      exitCode: s.exitCode,
      signal: s.signal,
      stdout: s.stdout,
      stderr: s.stderr,
      durationMs: s.durationMs,
      ...(s.captured ? { captured: s.captured } : {}),
      ...(s.error ? { error: s.error } : {}),
    })),
    ...(result.error ? { error: errorJson(result.error) } : {}),
  };
}

export function errorJson(err: Error): Record<string, unknown> {
  const base: Record<string, unknown> = { name: err.name, message: err.message };
  if (isHostKeyError(err)) base.fingerprint = err.facts.fingerprint;
  return base;
}
