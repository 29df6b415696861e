import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CommandResult, CommandRunner } from '../../main/engine/lib/ssh/command-types';
import { PLACEHOLDER, placeholderUses } from '../../main/engine/runs/domain/command-placeholders';
import { dryRun } from '../../main/engine/runs/domain/dry-run';
import { defineProcedure, ProcedureInputError, resolveProcedureInput } from '../../main/engine/runs/domain/procedure-validation';
import { renderCommand } from '../../main/engine/runs/domain/templates';
import { runProcedure } from '../../main/engine/runs/procedure-runner';
import { removeDir, tempDir } from '../helpers/temp-dir';

let cwd: string;
beforeAll(() => {
  cwd = tempDir('trayage-values-');
});
afterAll(() => removeDir(cwd));

// Values that would run something, split a word or expand if a quote around them gave way.
const HOSTILE = [
  'a b',
  "it's",
  '"q"',
  '$(touch pwned-subst)',
  '`touch pwned-backtick`',
  '\\',
  "\\'",
  '$HOME',
  '${IFS}',
  '*',
  'two\nlines',
  `'"'"`,
  '; touch pwned-semicolon',
  '%s',
  '!x',
];

// Each prints its arguments in brackets, so a split or an expansion shows.
const TEMPLATES: Array<{ template: string; bashOnly?: boolean }> = [
  { template: "printf '[%s]\\n' {{x}}" },
  { template: "printf '[%s]\\n' \"{{x}}\"" },
  { template: "printf '[%s]\\n' '{{x}}'" },
  { template: "printf '[%s]\\n' \"a{{x}}b\" 'c{{x}}d' e{{x}}f" },
  { template: "printf '[%s]\\n' \"it's {{x}}\" 'say \"{{x}}\"'" },
  { template: "printf '[%s]\\n' \"$(printf %s {{x}})\" \"$(printf %s \"{{x}}\")\"" },
  { template: "printf '[%s]\\n' \"$(printf %s \"$(printf %s '{{x}}')\")\"" },
  { template: "# it's a comment\nprintf '[%s]\\n' {{x}} # don't" },
  { template: "printf '[%s]\\n' \"$((1 + (2 * 3)))\" {{x}}" },
  { template: 'v={{x}}; printf \'[%s]\\n\' "$v"' },
  { template: "printf '[%s]\\n' $'it\\'s' {{x}}", bashOnly: true },
  { template: "printf '[%s]\\n' x\\\"y {{x}}" },
];

function run(shell: string, command: string): string {
  return execFileSync(shell, ['-c', command], { cwd, encoding: 'utf8' });
}

describe('values are quoted for where they stand', () => {
  test.each(TEMPLATES)('$template: any value prints exactly as a plain one would, in bash and sh', ({ template, bashOnly }) => {
    for (const shell of bashOnly ? ['bash'] : ['bash', 'sh']) {
      const reference = run(shell, renderCommand(template, { x: 'REF' }));
      expect(reference, `${shell}: ${template}`).toContain('REF');
      for (const value of HOSTILE) {
        const printed = run(shell, renderCommand(template, { x: value }));
        expect(printed, `${shell}: ${template} with ${JSON.stringify(value)}`).toBe(reference.split('REF').join(value));
      }
    }
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  test('inside quotes the value is escaped for them, not wrapped in another pair', () => {
    expect(renderCommand('cd "{{dir}}" && ls', { dir: '/srv/my "app"' })).toBe('cd "/srv/my \\"app\\"" && ls');
    expect(renderCommand("echo '{{v}}'", { v: "it's" })).toBe("echo 'it'\\''s'");
    expect(renderCommand('cd {{dir}}', { dir: '/srv/app' })).toBe("cd '/srv/app'");
  });

  test('every placeholder the template holds is found, whatever surrounds it', () => {
    const pieces = ['{{a}}', '{{ b }}', '"', "'", '$', '$(', ')', '(', '`', '\\', '#', '\n', ' ', ';', '${', '}', '<<', '>', '--', 'x', '$\'', '|', '&'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const template = Array.from({ length: 1 + Math.floor(random() * 14) }, () => pieces[Math.floor(random() * pieces.length)]).join('');
      const expected = [...template.matchAll(PLACEHOLDER)].map((m) => m.index);
      expect(placeholderUses(template).map((u) => u.start), JSON.stringify(template)).toEqual(expected);
    }
  });

  test.each([
    ['echo `cat {{x}}`', 'is inside backticks'],
    ['cat <<EOF\n{{x}}\nEOF', 'is in a here-document'],
    ['echo \\{{x}}', 'follows a backslash'],
    ['echo ${{x}}', 'follows a "$"'],
    ['echo "${{x}}"', 'follows a "$"'],
    ["echo $'{{x}}'", "is inside $'…'"],
    ['echo "${HOME:+{{x}}}"', 'is inside ${…}'],
    ['echo ${v:-{{x}}}', 'is inside ${…}'],
    ['v=$(case a in a) echo;; esac; cat {{x}})', 'comes after a case'],
  ])('a procedure with %j is refused when it is defined', (command, reason) => {
    const define = () =>
      defineProcedure({ id: 'bad', title: 'Bad', kind: 'resolution', params: [{ name: 'x', label: 'X' }], steps: [{ title: 'Step', command }] });
    expect(define).toThrow(`steps.0 ("Step"): {{x}} ${reason}`);
  });

  test('a value on the line of a here-document, before its text, is fine', () => {
    const procedure = defineProcedure({
      id: 'heredoc',
      title: 'Here-document',
      kind: 'resolution',
      params: [{ name: 'out', label: 'Output file' }],
      steps: [{ title: 'Write', command: 'cat > {{out}} <<EOF\nfixed text\nEOF' }],
    });
    expect(dryRun(procedure, { host: 'web', params: { out: '/tmp/a b' } })[0].command).toBe("cat > '/tmp/a b' <<EOF\nfixed text\nEOF");
  });
});

describe('a value starting with "-" never becomes an option', () => {
  const procedure = (command: string, pattern?: string) =>
    defineProcedure({
      id: 'dash',
      title: 'Dash',
      kind: 'resolution',
      params: [{ name: 'target', label: 'Target', ...(pattern ? { pattern } : {}) }],
      steps: [{ title: 'Use it', command }],
    });
  const resolve = (command: string, value: string, pattern?: string) => () => resolveProcedureInput(procedure(command, pattern), { host: 'web', params: { target: value } });

  test('refused where the command would read it as an option, naming the parameter', () => {
    for (const command of ['ls {{target}}', 'ls -la "{{target}}"', "ls '{{target}}'", 'sudo -- rm {{target}}', 'kubectl exec pod -- cat {{target}}', 'ls $(cat {{target}})', 'cat a; ls {{target}}']) {
      expect(resolve(command, '-la'), command).toThrow(ProcedureInputError);
      expect(resolve(command, '-la'), command).toThrow(/parameter "target" = "-la" starts with "-", so the command would take it as an option/);
    }
    expect(resolve('ls {{target}}', '--help')).toThrow(/puts "--" before \{\{target\}\} in the command, or declares a pattern that allows a leading "-"/);
  });

  test('accepted after "--", inside a word, as a redirection target or an assignment', () => {
    for (const command of ['ls -la -- {{target}}', 'rm -f -- {{target}}-wal {{target}}-shm', 'kubectl exec pod -- cat -- {{target}}', 'cp -p -- "$f" {{target}}', 'echo x > {{target}}', 'grep --regexp={{target}} f', 'v={{target}}; ls -- "$v"', 'ls ./{{target}}']) {
      expect(resolve(command, '-la')(), command).toEqual({ target: '-la' });
    }
  });

  test('accepted when the pattern explicitly allows a leading "-"', () => {
    expect(resolve('seq {{target}}', '-5', '-?[0-9]+')()).toEqual({ target: '-5' });
    expect(resolve('echo {{target}}', '-rf', '[-a-z]+')()).toEqual({ target: '-rf' });
    // These take any first character, so they allow a "-" only by accident.
    expect(resolve('echo {{target}}', '-rf', '.*')).toThrow(/starts with "-"/);
    expect(resolve('echo {{target}}', '-rf', '\\S+')).toThrow(/starts with "-"/);
  });

  test('a default value is held to the same rule', () => {
    const withDefault = defineProcedure({
      id: 'dash-default',
      title: 'Dash default',
      kind: 'resolution',
      params: [{ name: 'flags', label: 'Flags', default: '-la' }],
      steps: [{ title: 'List', command: 'ls {{flags}}' }],
    });
    expect(() => resolveProcedureInput(withDefault, { host: 'web', params: {} })).toThrow(/parameter "flags" = "-la" starts with "-"/);
  });

  test('a value picked from output is refused too, and the step that would use it never runs', async () => {
    const ran: string[] = [];
    const runner: CommandRunner = {
      async run(alias, command) {
        ran.push(command);
        return { alias, command, status: 'exited', exitCode: 0, signal: null, stdout: '-rf\nv1\n', stderr: '', stdoutBytes: 8, stderrBytes: 0, truncated: false, startedAt: 0, durationMs: 1, firstByteMs: 1 } satisfies CommandResult;
      },
    };
    const picked = defineProcedure({
      id: 'pick-dash',
      title: 'Pick',
      kind: 'rollback',
      params: [{ name: 'tag', label: 'Tag' }],
      steps: [
        { title: 'Tags', command: 'git tag', capture: { param: 'tag', pick: 0 } },
        { title: 'Check out', command: 'git checkout {{tag}}' },
      ],
    });
    const result = await runProcedure(picked, { host: 'web', params: {} }, { runner });
    expect(result.steps.map((s) => s.status)).toEqual(['failed', 'skipped']);
    expect(result.steps[0].error).toMatch(/cannot use the chosen value: parameter "tag" = "-rf" starts with "-"/);
    expect(ran.filter((c) => c.includes('git checkout'))).toEqual([]);
  });
});
