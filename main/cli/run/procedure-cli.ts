import path from 'node:path';
import { defaultDataDir } from '../../engine/paths';
import { isHostKeyError } from '../../engine/lib/ssh/host-key-errors';
import type { PassphrasePrompt } from '../../engine/lib/ssh/ssh-auth';
import { SshRunner } from '../../engine/lib/ssh/ssh-runner';
import { builtinProcedures, findProcedure } from '../../engine/runs/domain/builtin-procedures';
import { CliUsageError, parseRunArgs, wantsJson } from './cli-args';
import { errorJson, formatGuardRefusal, formatPlan, formatRunError, formatStepEnd, formatStepHeader, toJson } from './cli-output';
import { dryRun } from '../../engine/runs/domain/dry-run';
import type { Procedure } from '../../engine/runs/domain/procedure-types';
import { capturedParams, ProcedureInputError } from '../../engine/runs/domain/procedure-validation';
import { runProcedure } from '../../engine/runs/procedure-runner';
import type { ProcedureRunResult } from '../../engine/runs/domain/run-types';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliDeps {
  procedures?: Procedure[];
  // Where Trayage keeps its own known_hosts; defaults to the app data dir.
  dataDir?: string;
  agentSocket?: string | null;
  askPassphrase?: PassphrasePrompt;
  // Aborted on Ctrl-C: the running command's channel is closed.
  signal?: AbortSignal;
  now?: () => number;
}

export const EXIT = { ok: 0, failed: 1, usage: 2, hostKey: 3, confirmation: 4 } as const;

// `trayage run PROCEDURE --host HOST …`; args exclude "run". Exit codes:
// 0 ok, 1 a step failed (or could not connect), 2 usage or invalid values,
// 3 unknown or changed host key, 4 a guarded step lacked --confirm HOST.
export async function runProcedureCli(args: string[], io: CliIo, deps: CliDeps = {}): Promise<number> {
  const json = wantsJson(args);
  const fail = (code: number, err: Error) => {
    if (json) io.stdout(`${JSON.stringify({ ok: false, error: errorJson(err) }, null, 2)}\n`);
    else io.stderr(formatRunError(err));
    return code;
  };
  let parsed;
  try {
    parsed = parseRunArgs(args);
  } catch (err) {
    if (err instanceof CliUsageError) return fail(EXIT.usage, err);
    throw err;
  }
  const procedures = deps.procedures ?? builtinProcedures();
  const procedure = findProcedure(procedures, parsed.procedure);
  if (!procedure) {
    const known = procedures.map((p) => p.id).join(', ');
    return fail(EXIT.usage, new CliUsageError(`Unknown procedure "${parsed.procedure}". Available: ${known}.`));
  }
  const input = { host: parsed.host, params: parsed.params };
  let plan;
  try {
    plan = dryRun(procedure, input);
  } catch (err) {
    if (err instanceof ProcedureInputError) return fail(EXIT.usage, err);
    throw err;
  }
  if (parsed.dryRun) {
    if (json) io.stdout(`${JSON.stringify({ procedure: procedure.id, host: parsed.host, dryRun: true, steps: plan }, null, 2)}\n`);
    else io.stdout(formatPlan(procedure, parsed.host, plan));
    return EXIT.ok;
  }
  // Checked up front so a rollback never stops half-way for a missing --confirm.
  const unconfirmed = plan.filter((s) => s.needsConfirmation && !parsed.confirm.includes(s.host!));
  if (unconfirmed.length) {
    if (json) {
      io.stdout(`${JSON.stringify({ procedure: procedure.id, host: parsed.host, ok: false, outcome: 'refused', steps: [], unconfirmed }, null, 2)}\n`);
    } else {
      io.stderr(formatGuardRefusal(parsed.host, unconfirmed));
    }
    return EXIT.confirmation;
  }

  const runner = new SshRunner({
    sshConfigPath: parsed.sshConfig,
    knownHostsFiles: parsed.knownHosts.length ? parsed.knownHosts : undefined,
    trustedKnownHostsFile: path.join(deps.dataDir ?? defaultDataDir(), 'known_hosts'),
    trustFingerprints: parsed.trust,
    auth: { agentSocket: deps.agentSocket, askPassphrase: deps.askPassphrase },
    now: deps.now,
  });
  let result: ProcedureRunResult;
  try {
    result = await runProcedure(procedure, input, {
      runner,
      signal: deps.signal,
      now: deps.now,
      confirm: async ({ step }) => (parsed.confirm.includes(step.host!) ? step.host : null),
      onStepStart: json ? undefined : (step) => io.stdout(formatStepHeader(step, plan.length)),
      onOutput: json
        ? undefined
        : ({ batch }) => {
            if (batch.stdout) io.stdout(batch.stdout);
            if (batch.stderr) io.stderr(batch.stderr);
          },
      onStepEnd: json ? undefined : (record) => io.stdout(formatStepEnd(record)),
    });
  } finally {
    runner.close();
  }

  if (json) io.stdout(`${JSON.stringify(toJson(result), null, 2)}\n`);
  else if (result.error) io.stderr(formatRunError(result.error));
  else io.stdout(`\n${result.ok ? '✓' : '✗'} ${procedure.title} on ${parsed.host}: ${result.outcome}\n`);
  return exitCodeFor(result);
}

export function exitCodeFor(result: ProcedureRunResult): number {
  if (result.error && isHostKeyError(result.error)) return EXIT.hostKey;
  if (result.outcome === 'refused') return EXIT.confirmation;
  return result.ok ? EXIT.ok : EXIT.failed;
}

// `trayage procedures [--json]`.
export function listProceduresCli(args: string[], io: CliIo, deps: Pick<CliDeps, 'procedures'> = {}): number {
  const unknown = args.filter((a) => a !== '--json');
  if (unknown.length) {
    io.stderr(`Unknown argument "${unknown[0]}".\nUsage: trayage procedures [--json]\n`);
    return EXIT.usage;
  }
  const procedures = deps.procedures ?? builtinProcedures();
  if (wantsJson(args)) {
    io.stdout(`${JSON.stringify(procedures, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...procedures.map((p) => p.id.length));
  const lines = procedures.map((p) => {
    const picked = capturedParams(p);
    const params = p.params
      .map((s) => (picked.has(s.name) ? `(${s.name}: picked from output)` : s.required && s.default === undefined ? s.name : `[${s.name}]`))
      .join(' ');
    return `${p.id.padEnd(width)}  ${p.kind.padEnd(10)}  ${p.title}${params ? `\n${' '.repeat(width + 2)}params: ${params}` : ''}`;
  });
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
