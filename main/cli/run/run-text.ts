import type { HostKeyProblem, PlannedStep, RunDetail, RunStep } from '../../../preload/contract';

// What `trayage run` prints for people; `--json` prints run-json.ts instead. Step text goes through
// a line writer together with the live output, so it carries its own line ends.

export function planText(title: string, procedureId: string, host: string, steps: PlannedStep[]): string {
  const lines = [`${title} (${procedureId}) on ${host} — dry run, nothing executed:`];
  for (const step of steps) {
    const guard = step.needsConfirmation ? `  [needs --confirm ${step.host}${step.destructive ? `: ${step.reasons.join('; ')}` : ''}]` : '';
    lines.push(`  ${step.index + 1}. ${step.title}${step.host ? ` @ ${step.host}` : ''}${guard}`);
    lines.push(`     ${step.kind === 'command' ? '$ ' : ''}${step.command}`);
    if (step.awaiting.length) lines.push(`     (${step.awaiting.map((n) => `{{${n}}}`).join(', ')} chosen from an earlier step's output)`);
  }
  return lines.join('\n');
}

export function stepHeader(step: RunStep, total: number): string {
  const where = step.target ? ` @ ${step.target}` : '';
  return `\n▸ [${step.index + 1}/${total}] ${step.title}${where}\n${step.kind === 'command' ? '$ ' : ''}${step.command}\n`;
}

export function stepEnd(step: RunStep): string {
  const result = step.exitCode !== null ? `exit ${step.exitCode}` : step.signal ? `signal ${step.signal}` : step.status;
  const took = step.durationMs !== null ? ` in ${step.durationMs} ms` : '';
  const captured = step.captured ? `\n  {{${step.captured.param}}} = ${step.captured.value}` : '';
  const error = step.error ? `\n  ${step.error}` : '';
  return `${step.status === 'ok' ? '✓' : '✗'} ${result}${took}${captured}${error}\n`;
}

export function omittedNote(omitted: number, outputDir: string): string {
  return `[… ${omitted} characters printed too fast to show here; the whole output is in ${outputDir}]\n`;
}

export function summaryLine(run: RunDetail): string {
  const incident = run.incidentId !== null ? `, in incident #${run.incidentId}'s timeline` : '';
  return `\n${run.status === 'ok' ? '✓' : '✗'} ${run.title} on ${run.hosts.join(', ')}: ${run.status} (run #${run.id}${incident})`;
}

// Before anything runs: which guarded steps lack their host typed out, and what to type.
export function guardRefusal(host: string, guarded: PlannedStep[], confirmed: string[]): string {
  const lines = [`Nothing was run: these steps change ${host} and need --confirm HOST with the host name typed out:`];
  for (const step of guarded) {
    lines.push(`  ${step.index + 1}. ${step.title} @ ${step.host} (${guardReason(step)})`, `     $ ${step.command}`);
  }
  if (confirmed.length) lines.push(`${confirmed.map((h) => `--confirm ${h}`).join(' ')} does not name the host these steps run on.`);
  const hosts = [...new Set(guarded.map((s) => s.host))];
  lines.push(`Review them (or use --dry-run), then rerun with ${hosts.map((h) => `--confirm ${h}`).join(' ')}.`);
  return lines.join('\n');
}

// During the run: a guarded step the flags did not confirm stopped it.
export function refusedAdvice(step: RunStep): string {
  return (
    `Stopped before step ${step.index + 1} "${step.title}" on ${step.target}: it is ${guardReason(step)}; nothing after it ran.\n` +
    `Review it (or use --dry-run), then rerun with --confirm ${step.target}.`
  );
}

export function hostKeyAdvice(problem: HostKeyProblem, trust: string[]): string {
  const recorded = problem.recordedIn ?? 'known_hosts';
  if (problem.status === 'revoked') {
    return `Refused: "${problem.alias}" presents ${problem.keyType} ${problem.fingerprint}, a key marked @revoked in ${recorded}. Nothing was run there; ask the server's owner which key it should present.`;
  }
  if (problem.status === 'changed') {
    return (
      `Refused: "${problem.alias}" presents ${problem.keyType} ${problem.fingerprint}, not the key on record in ${recorded} (${problem.expected.join(', ')}). ` +
      `Nothing was run there. Check with the server's owner, then remove the old line from ${recorded}; --trust cannot replace a changed key.`
    );
  }
  const mismatch = trust.length ? ` (${trust.join(', ')} given with --trust ${trust.length > 1 ? 'do' : 'does'} not match)` : '';
  return (
    `"${problem.alias}" is not in known_hosts; it presents ${problem.keyType} ${problem.fingerprint}${mismatch}. Nothing was run there.\n` +
    `If that is its key (compare with ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the server), rerun with --trust ${problem.fingerprint}; ` +
    'Trayage then remembers it in known_hosts in its data directory.'
  );
}

function guardReason(step: Pick<PlannedStep, 'destructive' | 'reasons'>): string {
  return step.destructive ? `destructive: ${step.reasons.join('; ')}` : 'marked for confirmation';
}
