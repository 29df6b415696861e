import type { PlannedStep, ProcedureInfo, RunDetail } from '../../../preload/contract';
import type { Engine } from '../../engine/engine';
import { type CliIo, EXIT, UsageError } from '../cli-types';
import { call, CallError } from '../engine-call';
import { lineWriter } from '../line-writer';
import { followRun } from './follow-run';
import { RUN_USAGE, type RunRequest } from './run-flags';
import { runReport } from './run-json';
import { guardRefusal, hostKeyAdvice, planText, refusedAdvice, summaryLine } from './run-text';
import { saveSshFlags } from './save-ssh-flags';
import { answerPassphrases } from './terminal-passphrase';
import { terminalProgress } from './terminal-progress';
import { trustGivenKeys } from './trust-host-keys';

/**
 * `trayage run`: the engine's run manager runs the procedure, so it is kept like a run started in
 * a window (run rows, output files, the incident's timeline). Guarded steps are checked before
 * anything runs where their host is known, so a rollback does not stop half-way for a missing --confirm.
 */
export async function runProcedure(engine: Engine, request: RunRequest, io: CliIo): Promise<number> {
  const procedure = await findProcedure(engine, request.procedureId);
  const steps = await plan(engine, request);
  if (request.dryRun) {
    if (request.json) io.out(JSON.stringify({ procedure: procedure.id, host: request.host, dryRun: true, steps }, null, 2));
    else io.out(planText(procedure.title, procedure.id, request.host, steps));
    return EXIT.ok;
  }
  const unconfirmed = steps.filter((s) => s.needsConfirmation && hostKnownBeforeRun(s) && !request.confirm.includes(s.host!));
  if (unconfirmed.length > 0) {
    const message = guardRefusal(request.host, unconfirmed, request.confirm);
    if (request.json) io.out(JSON.stringify({ procedure: procedure.id, host: request.host, ok: false, outcome: 'refused', steps: [], unconfirmed, error: { message } }, null, 2));
    else io.err(message);
    return EXIT.needsConfirm;
  }
  if (request.incidentId !== undefined) await call(engine, 'incidents.get', { id: request.incidentId });

  const stopAnswering = answerPassphrases(engine, io.err);
  try {
    await saveSshFlags(engine, request.sshConfig, request.knownHosts, io.err);
    if (request.trust.length > 0) await trustGivenKeys(engine, request.host, request.trust, io.err);
    const run = await follow(engine, request, io);
    if (request.json) io.out(JSON.stringify(await runReport(engine, run), null, 2));
    else report(run, request, io);
    return exitCode(run);
  } finally {
    stopAnswering();
  }
}

async function follow(engine: Engine, request: RunRequest, io: CliIo): Promise<RunDetail> {
  const out = lineWriter(io.out);
  const followed = followRun(
    engine,
    async () => {
      const { runId } = await call(engine, 'runs.start', {
        procedureId: request.procedureId,
        hosts: [request.host],
        params: request.params,
        incidentId: request.incidentId,
        confirmations: request.confirm,
      });
      return runId;
    },
    {
      ...(request.json ? {} : terminalProgress(out)),
      // runs.start has every host given with --confirm, so a step asking is on a host that was not
      // typed out: declining stops the run before it. A value picked from output takes the suggestion
      // (--param NAME=VALUE picks another before the run).
      answer: (prompt) => (prompt.kind === 'confirm' ? null : prompt.suggested),
    },
  );
  // Ctrl-C cancels the run, which closes the running command's channel; a second Ctrl-C quits at once.
  const cancel = () => {
    io.err('Cancelling the run…');
    followed.cancel().catch((err: Error) => io.err(`Could not cancel the run: ${err.message}`));
  };
  process.once('SIGINT', cancel);
  try {
    return await followed.done;
  } finally {
    process.off('SIGINT', cancel);
    out.flush();
  }
}

function report(run: RunDetail, request: RunRequest, io: CliIo): void {
  io.out(summaryLine(run));
  const hostKey = run.hostResults.find((r) => r.hostKey)?.hostKey;
  const refused = run.steps.find((s) => s.status === 'refused');
  if (hostKey) io.err(hostKeyAdvice(hostKey, request.trust));
  else if (refused) io.err(refusedAdvice(refused));
  // A step's own error is already under that step; one the run ended with outside any step is not.
  else if (run.status === 'error' && run.error && !run.steps.some((s) => s.error === run.error)) io.err(run.error);
}

// A host picked from an earlier step's output is known only during the run, which then stops
// before that step unless --confirm named the host picked.
function hostKnownBeforeRun(step: PlannedStep): boolean {
  return !step.awaiting.some((name) => step.host!.includes(`{{${name}}}`));
}

function exitCode(run: RunDetail): number {
  if (run.hostResults.some((r) => r.hostKey)) return EXIT.hostKey;
  if (run.status === 'refused') return EXIT.needsConfirm;
  return run.status === 'ok' ? EXIT.ok : EXIT.failed;
}

async function findProcedure(engine: Engine, id: string): Promise<ProcedureInfo> {
  const procedures = await call(engine, 'procedures.list');
  const found = procedures.find((p) => p.id === id);
  if (!found) throw new UsageError(`Unknown procedure "${id}". Available: ${procedures.map((p) => p.id).join(', ')}.`, RUN_USAGE);
  return found;
}

// The exact commands, checked by the engine against the procedure's parameters.
async function plan(engine: Engine, request: RunRequest): Promise<PlannedStep[]> {
  try {
    const planned = await call(engine, 'runs.dryRun', { procedureId: request.procedureId, hosts: [request.host], params: request.params });
    return planned.hosts[0].steps;
  } catch (err) {
    if (err instanceof CallError && err.code === 'bad_request') throw new UsageError(err.message, RUN_USAGE);
    throw err;
  }
}
