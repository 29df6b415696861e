import type { ParamsOf } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import type { IncidentsPort } from '../incidents/incidents-port';
import type { MonitorsPort } from '../monitors/monitors-port';
import { dryRun } from './domain/dry-run';
import { runDiagnostics, runProcedure } from './procedure-runner';
import { ProcedureInputError } from './domain/procedure-validation';
import type { ProcedureRunResult } from './domain/run-types';
import { RpcFailure } from '../rpc/rpc-failure';
import { ActiveRun, type ActiveRunHooks } from './active-run';
import { hostKeyProblem } from '../hosts/domain/host-key-problem';
import { verifyHealthCheck } from './monitor-health';
import { runOutputDir } from './output-files';
import type { RelayLimits } from './output-relay';
import type { ProcedureStore } from './procedure-store';
import type { HostsPort } from '../hosts/hosts-port';
import type { RunStore } from './run-store';
import type { RunTimeline } from './run-timeline';

export interface RunManagerDeps {
  ctx: EngineContext;
  runs: RunStore;
  procedures: ProcedureStore;
  incidents: IncidentsPort;
  monitors: MonitorsPort;
  timeline: RunTimeline;
  runners: HostsPort;
  relayLimits: RelayLimits;
  report: (where: string, err: unknown) => void;
}

// Starts runs in the background and keeps them answerable (prompts, cancel)
// while they go; every step lands in the audit tables and the incident timeline.
export class RunManager {
  private readonly active = new Map<number, ActiveRun>();
  private closed = false;

  constructor(private readonly deps: RunManagerDeps) {}

  plan(procedureId: string, hosts: string[], params: Record<string, string>) {
    const procedure = this.deps.procedures.find(procedureId);
    const unique = [...new Set(hosts)];
    if (procedure.kind !== 'diagnostic' && unique.length !== 1) {
      throw new RpcFailure('bad_request', `"${procedure.id}" is a ${procedure.kind} procedure: it runs on one host at a time, step by step; pick one host.`, [
        { path: 'hosts', message: 'exactly one host' },
      ]);
    }
    try {
      return { procedure, hosts: unique.map((host) => ({ host, steps: dryRun(procedure, { host, params }) })) };
    } catch (err) {
      if (err instanceof ProcedureInputError) {
        throw new RpcFailure('bad_request', err.message, err.problems.map((message) => ({ path: 'params', message })));
      }
      throw err;
    }
  }

  start(p: ParamsOf<'runs.start'>): { runId: number } {
    const { ctx, runs, timeline } = this.deps;
    const params = p.params ?? {};
    const { procedure, hosts } = this.plan(p.procedureId, p.hosts, params);
    const incidentId = p.incidentId ?? null;
    if (incidentId !== null) this.deps.incidents.get(incidentId);
    const hostNames = hosts.map((h) => h.host);
    const runId = runs.create(
      { incidentId, procedureId: procedure.id, title: procedure.title, kind: procedure.kind, hosts: hostNames, params, actor: ctx.actor, startedAt: ctx.now(), pid: process.pid },
      hosts,
      (id) => runOutputDir(ctx.dataDir, id),
    );
    const facts = { id: runId, title: procedure.title, kind: procedure.kind, hosts: hostNames, stepCount: procedure.steps.length };
    const run = new ActiveRun(facts, incidentId, procedure, params, p.confirmations ?? [], runOutputDir(ctx.dataDir, runId), this.deps.relayLimits, this.hooks);
    this.active.set(runId, run);
    if (incidentId !== null) timeline.started(incidentId, facts);
    this.hooks.changed(run);
    void this.execute(run).catch((err) => this.deps.report('runs.start', err));
    return { runId };
  }

  get(runId: number) {
    return this.deps.runs.detail(runId, this.active.get(runId)?.live() ?? null);
  }

  cancel(runId: number): boolean {
    const run = this.active.get(runId);
    if (!run) return false;
    run.cancel();
    this.hooks.changed(run);
    return true;
  }

  respond(runId: number, promptId: string, value: string | null): boolean {
    const run = this.active.get(runId);
    if (!run) throw new RpcFailure('conflict', `Run #${runId} is not running; nothing is waiting for an answer.`);
    return run.prompts.respond(promptId, value);
  }

  close(): void {
    this.closed = true;
    for (const run of this.active.values()) {
      this.deps.runs.markInterrupted(run.facts.id, this.deps.ctx.now(), 'Trayage was closed while it ran; the command was stopped.');
      run.cancel();
      run.files.closeAll();
    }
    this.active.clear();
  }

  private readonly hooks: ActiveRunHooks = {
    stepStarted: (run, host, plan, file) => {
      if (this.closed) return;
      this.deps.runs.stepStarted(run.facts.id, host, plan, this.deps.ctx.now(), file);
      this.hooks.changed(run);
    },
    stepEnded: (run, record, output) => {
      if (this.closed) return;
      this.deps.runs.stepEnded(run.facts.id, record, output);
      if (run.incidentId !== null) this.deps.timeline.step(run.incidentId, run.facts, record);
      this.hooks.changed(run);
    },
    output: (run, chunks) => {
      if (!this.closed) this.deps.ctx.emit('runs.output', { runId: run.facts.id, chunks });
    },
    changed: (run) => {
      if (this.closed) return;
      const status = this.active.has(run.facts.id) ? 'running' : run.status();
      this.deps.ctx.emit('runs.changed', { runId: run.facts.id, incidentId: run.incidentId, status });
    },
  };

  private async execute(run: ActiveRun): Promise<void> {
    const lease = this.deps.runners.acquire();
    const options = {
      ...run.callbacks(),
      runner: lease.runner,
      signal: run.abort.signal,
      now: this.deps.ctx.now,
      checkHealth: verifyHealthCheck(this.deps.monitors),
    };
    let results: ProcedureRunResult[] = [];
    let failure: Error | null = null;
    try {
      const { procedure, params, facts } = run;
      results =
        procedure.kind === 'diagnostic'
          ? await runDiagnostics(procedure, facts.hosts, params, options)
          : [await runProcedure(procedure, { host: facts.hosts[0], params }, options)];
    } catch (err) {
      failure = err as Error;
    } finally {
      lease.release();
      run.relay.flush();
      run.files.closeAll();
    }
    if (this.closed) return;
    await this.finish(run, results, failure);
  }

  private async finish(run: ActiveRun, results: ProcedureRunResult[], failure: Error | null): Promise<void> {
    const { runs, timeline, ctx } = this.deps;
    for (const result of results) {
      run.recordResult(result, hostKeyProblem(result.error));
      // Steps never reached were not reported one by one.
      for (const record of result.steps) if (record.status === 'skipped') runs.stepEnded(run.facts.id, record, { bytes: 0, file: null });
    }
    if (failure) for (const host of run.facts.hosts) run.hostResults.set(host, { host, outcome: 'error', error: failure.message, hostKey: null, healthVerified: false });
    let monitoring: { moved: boolean; message: string } | null = null;
    const verified = results.find((r) => r.healthVerified);
    if (run.incidentId !== null && verified && run.procedure.kind !== 'diagnostic' && !run.cancelRequested) {
      monitoring = await timeline.moveToMonitoring(run.incidentId, run.facts, verified.host);
    }
    if (this.closed) return;
    const status = run.status();
    const error = failure?.message ?? [...run.hostResults.values()].find((r) => r.error)?.error ?? null;
    const steps = results.flatMap((r) => r.steps);
    runs.finish(run.facts.id, { status, finishedAt: ctx.now(), error, hostResults: [...run.hostResults.values()], monitoring });
    if (run.incidentId !== null) {
      timeline.finished(run.incidentId, run.facts, status, steps.filter((s) => s.status === 'ok').length, steps.length, status === 'ok' ? null : error);
    }
    this.active.delete(run.facts.id);
    this.hooks.changed(run);
  }
}
