import type Database from 'better-sqlite3';
import type { RunDetail, RunSummary } from '../../../preload/contract';
import type { PlannedStep } from './domain/dry-run';
import type { StepRecord } from './domain/run-types';
import { RpcFailure } from '../rpc/rpc-failure';
import { type RunRow, type StepRow, toRunDetail, toRunSummary, toRunStep } from './run-rows';

export interface NewRun {
  incidentId: number | null;
  procedureId: string;
  title: string;
  kind: string;
  hosts: string[];
  params: Record<string, string>;
  actor: string;
  startedAt: number;
  pid: number;
}

export interface StepOutputInfo {
  bytes: number;
  file: string | null;
}

// The audit record of every run: who ran what, where, with which exact
// command, exit code, duration and output. Written as the run goes, so a
// crash leaves everything up to the last finished step.
export class RunStore {
  constructor(private readonly db: Database.Database) {}

  create(run: NewRun, plans: { host: string; steps: PlannedStep[] }[], outputDirFor: (runId: number) => string): number {
    return this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO runs(incident_id, procedure_id, title, kind, hosts, params, actor, status, started_at, output_dir, pid)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, '', ?)`,
          )
          .run(run.incidentId, run.procedureId, run.title, run.kind, JSON.stringify(run.hosts), JSON.stringify(run.params), run.actor, run.startedAt, run.pid)
          .lastInsertRowid,
      );
      this.db.prepare('UPDATE runs SET output_dir = ? WHERE id = ?').run(outputDirFor(id), id);
      const insert = this.db.prepare(
        `INSERT INTO run_steps(run_id, host, step_index, title, kind, target, command, status, destructive, needs_confirmation, reasons)
         VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)`,
      );
      for (const { host, steps } of plans) {
        for (const s of steps) {
          insert.run(id, host, s.index, s.title, s.kind, s.host, s.command, s.destructive ? 1 : 0, s.needsConfirmation ? 1 : 0, JSON.stringify(s.reasons));
        }
      }
      return id;
    })();
  }

  stepStarted(runId: number, host: string, plan: PlannedStep, at: number, file: string | null): void {
    this.db
      .prepare(
        `UPDATE run_steps SET status = 'running', started_at = ?, command = ?, target = ?, destructive = ?, needs_confirmation = ?, reasons = ?, output_file = ?
         WHERE run_id = ? AND host = ? AND step_index = ?`,
      )
      .run(at, plan.command, plan.host, plan.destructive ? 1 : 0, plan.needsConfirmation ? 1 : 0, JSON.stringify(plan.reasons), file, runId, host, plan.index);
  }

  // The record's stdout/stderr are already bounded by the runner (beginning and end).
  stepEnded(runId: number, record: StepRecord, output: StepOutputInfo): void {
    this.db
      .prepare(
        `UPDATE run_steps SET status = ?, command = ?, target = ?, exit_code = ?, signal = ?, started_at = coalesce(started_at, ?), duration_ms = ?,
           confirmed_with = ?, captured = ?, error = ?, stdout = ?, stderr = ?, output_bytes = ?, truncated = ?, output_file = coalesce(?, output_file)
         WHERE run_id = ? AND host = ? AND step_index = ?`,
      )
      .run(
        record.status,
        record.command,
        record.host,
        record.exitCode,
        record.signal,
        record.startedAt,
        record.durationMs,
        record.confirmedWith ?? null,
        record.captured ? JSON.stringify(record.captured) : null,
        record.error ?? null,
        record.stdout,
        record.stderr,
        output.bytes,
        record.truncated ? 1 : 0,
        output.file,
        runId,
        record.runHost,
        record.index,
      );
  }

  finish(runId: number, fields: { status: string; finishedAt: number; error: string | null; hostResults: unknown; monitoring: unknown }): void {
    this.db
      .prepare('UPDATE runs SET status = ?, finished_at = ?, error = ?, host_results = ?, monitoring = ? WHERE id = ?')
      .run(fields.status, fields.finishedAt, fields.error, JSON.stringify(fields.hostResults), fields.monitoring ? JSON.stringify(fields.monitoring) : null, runId);
  }

  row(runId: number): RunRow {
    const row = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined;
    if (!row) throw new RpcFailure('not_found', `There is no run #${runId}.`);
    return row;
  }

  detail(runId: number, live: Pick<RunDetail, 'prompts' | 'hostResults'> | null): RunDetail {
    const steps = this.db.prepare('SELECT * FROM run_steps WHERE run_id = ? ORDER BY rowid').all(runId) as StepRow[];
    return toRunDetail(this.row(runId), steps.map(toRunStep), live);
  }

  stepOutput(runId: number, host: string, stepIndex: number) {
    const row = this.db
      .prepare('SELECT stdout, stderr, output_bytes, truncated, output_file FROM run_steps WHERE run_id = ? AND host = ? AND step_index = ?')
      .get(runId, host, stepIndex) as Pick<StepRow, 'stdout' | 'stderr' | 'output_bytes' | 'truncated' | 'output_file'> | undefined;
    if (!row) throw new RpcFailure('not_found', `Run #${runId} has no step ${stepIndex + 1} on "${host}".`);
    return { stdout: row.stdout, stderr: row.stderr, bytes: row.output_bytes, truncated: row.truncated === 1, file: row.output_file };
  }

  list(incidentId: number | undefined, limit: number): RunSummary[] {
    const rows =
      incidentId === undefined
        ? this.db.prepare('SELECT * FROM runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit)
        : this.db.prepare('SELECT * FROM runs WHERE incident_id = ? ORDER BY started_at DESC, id DESC LIMIT ?').all(incidentId, limit);
    return (rows as RunRow[]).map(toRunSummary);
  }

  // Runs left "running" by a process that is gone (crash, power loss) are marked as interrupted.
  markOrphans(isAlive: (pid: number) => boolean, at: number): number {
    const orphans = (this.db.prepare("SELECT id, pid FROM runs WHERE status = 'running'").all() as { id: number; pid: number }[]).filter(
      (r) => !isAlive(r.pid),
    );
    this.db.transaction(() => {
      for (const { id } of orphans) this.markInterrupted(id, at, 'The process running it stopped before it finished.');
    })();
    return orphans.length;
  }

  markInterrupted(runId: number, at: number, reason: string): void {
    this.db.prepare("UPDATE runs SET status = 'interrupted', finished_at = ?, error = ? WHERE id = ? AND status = 'running'").run(at, reason, runId);
    this.db.prepare("UPDATE run_steps SET status = 'cancelled' WHERE run_id = ? AND status = 'running'").run(runId);
  }
}
