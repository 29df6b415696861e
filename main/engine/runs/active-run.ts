import type { RunDetail } from '../../../preload/contract';
import type { RunOutputChunk } from '../../../preload/contract/run-events';
import type { Procedure } from './domain/procedure-types';
import type { ProcedureCallbacks, ProcedureRunResult, StepRecord } from './domain/run-types';
import { OutputFiles } from './output-files';
import { OutputRelay, type RelayLimits } from './output-relay';
import { RunPrompts } from './run-prompts';
import type { RunFacts } from './run-timeline';

type HostResult = RunDetail['hostResults'][number];

export interface ActiveRunHooks {
  stepStarted(run: ActiveRun, host: string, plan: Parameters<NonNullable<ProcedureCallbacks['onStepStart']>>[0], file: string): void;
  stepEnded(run: ActiveRun, record: StepRecord, output: { file: string | null; bytes: number }): void;
  output(run: ActiveRun, chunks: RunOutputChunk[]): void;
  changed(run: ActiveRun): void;
}

// A run in progress: what it waits on, where its output goes, and how each
// host is doing. Everything here is also written to the run's row as it happens.
export class ActiveRun {
  readonly abort = new AbortController();
  readonly prompts: RunPrompts;
  readonly files: OutputFiles;
  readonly relay: OutputRelay;
  readonly hostResults = new Map<string, HostResult>();
  cancelRequested = false;

  constructor(
    readonly facts: RunFacts,
    readonly incidentId: number | null,
    readonly procedure: Procedure,
    readonly params: Record<string, string>,
    // Host names typed before the run: guarded steps on these hosts do not ask again.
    private readonly confirmations: readonly string[],
    outputDir: string,
    relayLimits: RelayLimits,
    private readonly hooks: ActiveRunHooks,
  ) {
    this.prompts = new RunPrompts(() => hooks.changed(this));
    this.files = new OutputFiles(outputDir);
    this.relay = new OutputRelay((chunks) => hooks.output(this, chunks), relayLimits);
    for (const host of facts.hosts) this.hostResults.set(host, { host, outcome: 'running', error: null, hostKey: null, healthVerified: false });
  }

  live(): Pick<RunDetail, 'prompts' | 'hostResults'> {
    return { prompts: this.prompts.list(), hostResults: [...this.hostResults.values()] };
  }

  callbacks(): ProcedureCallbacks {
    return {
      onStepStart: (plan, host) => {
        const file = this.files.start(host, plan.index);
        this.hooks.stepStarted(this, host, plan, file);
      },
      onOutput: ({ runHost, stepIndex, batch }) => {
        const text = batch.stderr ? batch.stdout + batch.stderr : batch.stdout;
        this.files.write(runHost, stepIndex, text, batch.bytes);
        this.relay.push(runHost, stepIndex, text);
      },
      onStepEnd: (record) => {
        // Output first, so a window never sees a step end before its last lines.
        this.relay.flush();
        this.hooks.stepEnded(this, record, this.files.end(record.runHost, record.index));
      },
      confirm: async ({ runHost, step }) => {
        if (step.host && this.confirmations.includes(step.host)) return step.host;
        return this.prompts.ask({
          kind: 'confirm',
          host: runHost,
          stepIndex: step.index,
          title: step.title,
          target: step.host ?? runHost,
          command: step.command,
          destructive: step.destructive,
          reasons: step.reasons,
        });
      },
      choose: async (request) =>
        this.prompts.ask({
          kind: 'choose',
          host: request.runHost,
          stepIndex: request.stepIndex,
          param: request.param,
          label: request.label,
          choices: request.choices,
          suggested: request.suggested ?? null,
        }),
    };
  }

  recordResult(result: ProcedureRunResult, hostKey: HostResult['hostKey']): void {
    const failed = result.steps.find((s) => s.error && s.status !== 'ok');
    this.hostResults.set(result.host, {
      host: result.host,
      outcome: result.outcome,
      error: result.error?.message ?? failed?.error ?? null,
      hostKey,
      healthVerified: result.healthVerified,
    });
  }

  cancel(): void {
    this.cancelRequested = true;
    this.abort.abort();
    this.prompts.declineAll();
  }

  status(): 'ok' | 'failed' | 'refused' | 'cancelled' | 'error' {
    if (this.cancelRequested) return 'cancelled';
    const outcomes = [...this.hostResults.values()].map((r) => r.outcome);
    if (outcomes.every((o) => o === 'ok')) return 'ok';
    for (const worst of ['error', 'refused', 'cancelled'] as const) if (outcomes.includes(worst)) return worst;
    return 'failed';
  }
}
