import type { RunDetail } from '../../../preload/contract';
import type { Engine } from '../../engine/engine';
import { call } from '../engine-call';

// One run as `trayage runs --json` lists it.
export function runRecord(run: RunDetail) {
  return {
    id: run.id,
    procedure: run.procedureId,
    title: run.title,
    host: run.hosts.join(','),
    outcome: run.status,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    incidentId: run.incidentId,
    steps: run.steps.map((s) => ({ title: s.title, host: s.target, command: s.command, status: s.status, exitCode: s.exitCode })),
  };
}

// A finished run as `trayage run --json` prints it: the record, and what each step printed
// (the first and last 32 kB of each stream; the output files in outputDir have everything).
export async function runReport(engine: Engine, run: RunDetail) {
  const record = runRecord(run);
  const steps = [];
  for (const [i, s] of run.steps.entries()) {
    const ran = s.status !== 'pending' && s.status !== 'skipped';
    const output = ran ? await call(engine, 'runs.stepOutput', { runId: run.id, host: s.host, stepIndex: s.index }) : { stdout: '', stderr: '' };
    steps.push({
      ...record.steps[i],
      signal: s.signal,
      durationMs: s.durationMs,
      stdout: output.stdout,
      stderr: output.stderr,
      ...(s.captured ? { captured: { param: s.captured.param, value: s.captured.value } } : {}),
      ...(s.confirmedWith ? { confirmedWith: s.confirmedWith } : {}),
      ...(s.error ? { error: s.error } : {}),
    });
  }
  const failure = run.hostResults.find((r) => r.hostKey || r.error);
  return {
    ...record,
    ok: run.status === 'ok',
    healthVerified: run.hostResults.some((r) => r.healthVerified),
    outputDir: run.outputDir,
    steps,
    ...(failure ? { error: { message: failure.error ?? run.error, hostKey: failure.hostKey } } : {}),
  };
}
