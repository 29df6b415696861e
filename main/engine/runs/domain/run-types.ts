import type { OutputBatch } from '../../lib/ssh/output-batcher';
import type { CommandRunner } from '../../lib/ssh/ssh-runner';
import type { PlannedStep } from './dry-run';
import type { HealthCheck } from '../verify-health';

// ok: ran and succeeded (exit 0 / healthy); failed: non-zero exit, signal,
// lost connection or not healthy in time; refused: confirmation missing or
// wrong; skipped: not reached because the run stopped earlier; error: could
// not run at all (host key, authentication, connection).
export type StepStatus = 'ok' | 'failed' | 'timeout' | 'cancelled' | 'refused' | 'skipped' | 'error';

export interface StepRecord {
  index: number;
  title: string;
  kind: PlannedStep['kind'];
  // The host the procedure runs on, and the host this step ran on (null: checked from here).
  runHost: string;
  host: string | null;
  command: string;
  status: StepStatus;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  truncated: boolean;
  startedAt: number;
  durationMs: number;
  destructive: boolean;
  // The host name typed to allow a guarded step.
  confirmedWith?: string;
  captured?: { param: string; choices: string[]; value: string };
  error?: string;
}

export interface ConfirmRequest {
  procedureId: string;
  runHost: string;
  step: PlannedStep;
}

export interface ChoiceRequest {
  procedureId: string;
  runHost: string;
  stepIndex: number;
  param: string;
  label: string;
  choices: string[];
  suggested: string | undefined;
}

export interface ProcedureCallbacks {
  onStepStart?: (step: PlannedStep, runHost: string) => void;
  onOutput?: (event: { runHost: string; stepIndex: number; batch: OutputBatch }) => void;
  onStepEnd?: (record: StepRecord) => void;
  // Must resolve to the host name as the user typed it; null declines.
  confirm?: (request: ConfirmRequest) => Promise<string | null>;
  // Lets the user pick a captured value; null or absent takes the suggestion.
  choose?: (request: ChoiceRequest) => Promise<string | null>;
  checkHealth?: HealthCheck;
}

export interface ProcedureRunOptions extends ProcedureCallbacks {
  runner: CommandRunner;
  signal?: AbortSignal;
  now?: () => number;
}

export type ProcedureOutcome = 'ok' | 'failed' | 'refused' | 'cancelled' | 'error';

export interface ProcedureRunResult {
  procedureId: string;
  title: string;
  kind: 'diagnostic' | 'rollback' | 'resolution';
  host: string;
  ok: boolean;
  outcome: ProcedureOutcome;
  steps: StepRecord[];
  startedAt: number;
  durationMs: number;
  // A verify-health step passed: the caller may move the incident to Monitoring.
  healthVerified: boolean;
  // Why the run stopped with outcome "error" (HostKeyUnknownError, SshAuthError, …).
  error?: Error;
}
