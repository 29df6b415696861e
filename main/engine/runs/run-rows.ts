import type { RunDetail, RunStep, RunSummary } from '../../../preload/contract';

export interface RunRow {
  id: number;
  incident_id: number | null;
  procedure_id: string;
  title: string;
  kind: string;
  hosts: string;
  params: string;
  actor: string;
  status: string;
  started_at: number;
  finished_at: number | null;
  error: string | null;
  host_results: string;
  monitoring: string | null;
  output_dir: string;
  pid: number;
}

export interface StepRow {
  run_id: number;
  host: string;
  step_index: number;
  title: string;
  kind: string;
  target: string | null;
  command: string;
  status: string;
  exit_code: number | null;
  signal: string | null;
  started_at: number | null;
  duration_ms: number | null;
  destructive: number;
  needs_confirmation: number;
  reasons: string;
  confirmed_with: string | null;
  captured: string | null;
  error: string | null;
  stdout: string;
  stderr: string;
  output_bytes: number;
  truncated: number;
  output_file: string | null;
}

export function toRunSummary(row: RunRow): RunSummary {
  return {
    id: row.id,
    incidentId: row.incident_id,
    procedureId: row.procedure_id,
    title: row.title,
    kind: row.kind as RunSummary['kind'],
    hosts: JSON.parse(row.hosts),
    actor: row.actor,
    status: row.status as RunSummary['status'],
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    error: row.error,
  };
}

export function toRunStep(row: StepRow): RunStep {
  return {
    host: row.host,
    index: row.step_index,
    title: row.title,
    kind: row.kind as RunStep['kind'],
    target: row.target,
    command: row.command,
    status: row.status as RunStep['status'],
    exitCode: row.exit_code,
    signal: row.signal,
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    destructive: row.destructive === 1,
    needsConfirmation: row.needs_confirmation === 1,
    reasons: JSON.parse(row.reasons),
    confirmedWith: row.confirmed_with,
    captured: row.captured ? JSON.parse(row.captured) : null,
    error: row.error,
    outputBytes: row.output_bytes,
  };
}

// Live state (open prompts, per-host progress) comes from the running run;
// a finished run has it all in its row.
export function toRunDetail(row: RunRow, steps: RunStep[], live: Pick<RunDetail, 'prompts' | 'hostResults'> | null): RunDetail {
  return {
    ...toRunSummary(row),
    params: JSON.parse(row.params),
    outputDir: row.output_dir,
    steps,
    hostResults: live?.hostResults ?? JSON.parse(row.host_results),
    prompts: live?.prompts ?? [],
    monitoring: row.monitoring ? JSON.parse(row.monitoring) : null,
  };
}
