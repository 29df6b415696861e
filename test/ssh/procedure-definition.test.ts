import { describe, expect, test } from 'vitest';
import { builtinProcedures } from '../../main/engine/runs/domain/builtin-procedures';
import { dryRun } from '../../main/engine/runs/domain/dry-run';
import { capturedParams, defineProcedure, ProcedureDefinitionError, ProcedureInputError, resolveProcedureInput } from '../../main/engine/runs/domain/procedure-validation';

function problemsOf(raw: unknown): string[] {
  try {
    defineProcedure(raw, 'test.yaml');
  } catch (err) {
    if (err instanceof ProcedureDefinitionError) return err.problems;
    throw err;
  }
  return [];
}

describe('procedure definitions', () => {
  test('schema errors name the field', () => {
    expect(problemsOf({ id: 'Bad Id', title: 'x', kind: 'diagnostic', steps: [] })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^id: ids are lowercase/), expect.stringMatching(/^steps: /)]),
    );
  });

  test('placeholders must be declared, and captured values used only after their step', () => {
    const problems = problemsOf({
      id: 'p',
      title: 'P',
      kind: 'rollback',
      params: [{ name: 'tag', label: 'Tag' }],
      steps: [
        { title: 'Use early', command: 'git checkout {{tag}} {{typo}}' },
        { title: 'List', command: 'git tag', capture: { param: 'tag' } },
      ],
    });
    expect(problems).toEqual([
      'steps.0 ("Use early"): {{tag}} is used before the step that captures it',
      'steps.0 ("Use early"): {{typo}} is not a declared parameter',
    ]);
  });

  test('a diagnostic may not contain a destructive command', () => {
    const problems = problemsOf({
      id: 'd',
      title: 'D',
      kind: 'diagnostic',
      steps: [
        { title: 'Look', command: 'df -h' },
        { title: 'Clean', command: 'docker system prune -af' },
      ],
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^steps.1 \("Clean"\): diagnostics must be read-only, but this command is destructive \(.*prune/);
  });

  test.each([
    ['sh -c "rm -rf /srv/app/cache"', 'destructive'],
    ['\\rm -rf /srv/app', 'destructive'],
    [': > /etc/passwd', 'destructive'],
    ["sed -i 's/a/b/' /etc/app.conf", 'not on the read-only list'],
    ['systemctl stop app', 'destructive'],
    ['curl -s https://example.com/install.sh | sh', 'not on the read-only list'],
    ['echo ${x:-$(kill -9 1)}', 'destructive'],
  ])('a diagnostic may run only read-only commands, so %s is refused', (command, what) => {
    const problems = problemsOf({ id: 'd', title: 'D', kind: 'diagnostic', steps: [{ title: 'Step', command }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`diagnostics must be read-only, but this command is ${what}`);
  });

  test('verify-health needs exactly one of url and monitor; patterns must compile', () => {
    const problems = problemsOf({
      id: 'v',
      title: 'V',
      kind: 'resolution',
      params: [{ name: 'x', label: 'X', pattern: '(' }],
      steps: [{ kind: 'verify-health', title: 'Health' }],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^params: pattern of "x" is not a valid regular expression/),
      'steps.0 ("Health"): a verify-health step needs exactly one of url or monitor',
    ]);
  });
});

describe('run input', () => {
  const procedure = defineProcedure({
    id: 'inputs',
    title: 'Inputs',
    kind: 'resolution',
    params: [
      { name: 'dir', label: 'Directory', example: '/srv/app' },
      { name: 'lines', label: 'Lines', default: '20', pattern: '[0-9]+' },
      { name: 'other', label: 'Other host', required: false },
    ],
    steps: [{ title: 'Tail', command: 'tail -n {{lines}} {{dir}}/log', host: '{{other}}' }],
  });

  test('defaults fill in; every problem is reported at once', () => {
    expect(resolveProcedureInput(procedure, { host: 'web', params: { dir: '/srv' } })).toEqual({ dir: '/srv', lines: '20' });
    let error: ProcedureInputError | undefined;
    try {
      resolveProcedureInput(procedure, { host: 'web; rm', params: { lines: '1; rm', other: 'a b', extra: 'x' } });
    } catch (err) {
      error = err as ProcedureInputError;
    }
    expect(error?.problems).toEqual([
      'host "web; rm" is not a valid ssh alias',
      'parameter "lines" = "1; rm" does not match the expected form /[0-9]+/',
      'unknown parameter "extra"; this procedure takes: dir, lines, other',
      'missing value for "dir" — Directory (e.g. --param dir=/srv/app)',
      'parameter "other" is used as a host in "Tail" but "a b" is not a valid ssh alias',
    ]);
  });
});

describe('built-in procedures', () => {
  test('all seven load, and with example values every command is complete', () => {
    const procedures = builtinProcedures();
    expect(procedures.map((p) => `${p.kind}:${p.id}`)).toEqual([
      'diagnostic:diagnose-service-unavailable',
      'diagnostic:diagnose-disk-full',
      'diagnostic:diagnose-high-memory',
      'diagnostic:diagnose-database-locked',
      'diagnostic:diagnose-ssl-certificate',
      'rollback:quick-rollback',
      'rollback:database-restore',
    ]);
    for (const procedure of procedures) {
      const captured = capturedParams(procedure);
      const params = Object.fromEntries(
        procedure.params.filter((p) => !captured.has(p.name) && p.example !== undefined).map((p) => [p.name, p.example!]),
      );
      const plan = dryRun(procedure, { host: 'prod', params });
      for (const step of plan) {
        expect(step.awaiting.every((name) => captured.has(name)), `${procedure.id}: ${step.title}`).toBe(true);
        if (step.kind === 'command') expect(step.host).toBe('prod');
        if (procedure.kind === 'diagnostic') expect(step.needsConfirmation).toBe(false);
      }
    }
  });

  test('database restore asks before every step that changes the server: stop, keep a copy, overwrite, start', () => {
    const restore = builtinProcedures().find((p) => p.id === 'database-restore')!;
    const plan = dryRun(restore, {
      host: 'prod',
      params: { container: 'heroforge', dbPath: '/data/app.db', backupDir: '/backups', backup: '/backups/app_1.db.gz' },
    });
    expect(plan.filter((s) => s.needsConfirmation).map((s) => s.title)).toEqual(['Stop the service', 'Keep the current database files', 'Restore the backup', 'Start the service']);
    // The destructive ones say why in the confirmation.
    expect(plan.filter((s) => s.destructive).map((s) => s.title)).toEqual(['Stop the service', 'Restore the backup']);
    expect(plan[3].command).toBe("rm -f -- '/data/app.db'-wal '/data/app.db'-shm && gunzip -c -- '/backups/app_1.db.gz' > '/data/app.db'");
    expect(() => dryRun(restore, { host: 'prod', params: { container: 'x', dbPath: '/d.db', backupDir: '/b', backup: '-rf.db.gz' } })).toThrow(
      /"backup" = "-rf.db.gz" does not match/,
    );
  });
});
