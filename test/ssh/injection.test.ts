import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runProcedure } from '../../main/engine/runs/procedure-runner';
import { defineProcedure, ProcedureInputError } from '../../main/engine/runs/domain/procedure-validation';
import { shellQuote } from '../../main/engine/lib/shell/shell-quote';
import { startSshEnv, type SshEnv } from '../fixtures/sshd/ssh-env';


let env: SshEnv;
let work: string;

beforeAll(async () => {
  env = await startSshEnv();
  work = path.join(env.dir, 'work');
  fs.mkdirSync(work);
});
afterAll(async () => {
  await env?.stop();
});

// Each value tries to create (or delete) something it names; none may.
function hostileValues(): Record<string, string> {
  const m = (name: string) => path.join(work, name);
  return {
    semicolon: `; touch ${m('pwned-semicolon')}`,
    rmrf: `; rm -rf ${m('victim')}`,
    dollar: `$(touch ${m('pwned-dollar')})`,
    backtick: `\`touch ${m('pwned-backtick')}\``,
    quotes: `'; touch ${m('pwned-single')}; echo '"; touch ${m('pwned-double')}; echo "`,
    newline: `x\ntouch ${m('pwned-newline')}`,
    pipeAndAnd: `| touch ${m('pwned-pipe')} && touch ${m('pwned-and')} || touch ${m('pwned-or')}`,
    variable: `\${IFS}$HOME\${PATH:0:1}`,
    glob: '/*',
    escapedQuote: `\\'; touch ${m('pwned-escaped')}; echo \\'`,
    redirect: `> ${m('pwned-redirect')} < /dev/null`,
  };
}

// The value as a word of its own, and inside quotes the command wrote
// (imported runbooks have `cd "$APP_DIR"`, which becomes `cd "{{APP_DIR}}"`).
const PLACEMENTS = {
  bare: "printf '%s' {{value}} > {{out}}",
  doubleQuoted: 'printf \'%s\' "{{value}}" > {{out}}',
  singleQuoted: "printf '%s' '{{value}}' > {{out}}",
  afterOptions: "printf -- '%s' {{value}} > {{out}}",
};

const echoProcedure = (command: string) =>
  defineProcedure({
    id: 'echo-values',
    title: 'Write each value to a file',
    kind: 'resolution',
    params: [
      { name: 'value', label: 'A value' },
      { name: 'out', label: 'Output file' },
    ],
    steps: [{ title: 'Write', command }],
  });

function pwnedFiles(): string[] {
  return fs.readdirSync(work).filter((name) => name.startsWith('pwned'));
}

describe('hostile parameter values over a real sshd', () => {
  test('each value reaches the remote command as literal text, bare or inside quotes, and runs nothing', async () => {
    fs.mkdirSync(path.join(work, 'victim'), { recursive: true });
    fs.writeFileSync(path.join(work, 'victim', 'keep'), 'data');
    const runner = env.runner();
    for (const [placement, command] of Object.entries(PLACEMENTS)) {
      for (const [name, value] of Object.entries(hostileValues())) {
        const out = path.join(work, `out-${placement}-${name}`);
        const result = await runProcedure(echoProcedure(command), { host: 'web', params: { value, out } }, { runner, confirm: async ({ step }) => step.host });
        expect(result.outcome, `${placement} ${name}`).toBe('ok');
        expect(fs.readFileSync(out, 'utf8'), `${placement} ${name}`).toBe(value);
      }
    }
    expect(pwnedFiles()).toEqual([]);
    expect(fs.readFileSync(path.join(work, 'victim', 'keep'), 'utf8')).toBe('data');
  });

  test('a value starting with "-" is refused where it would be an option, and reaches the command after "--"', async () => {
    const runner = env.runner();
    const out = path.join(work, 'out-dash');
    const refused = runProcedure(echoProcedure('ls {{value}} > {{out}}'), { host: 'web', params: { value: '--version', out } }, { runner });
    await expect(refused).rejects.toThrow(ProcedureInputError);
    await expect(refused).rejects.toThrow(/parameter "value" = "--version" starts with "-", so the command would take it as an option/);
    expect(fs.existsSync(out)).toBe(false);

    const guarded = await runProcedure(echoProcedure(PLACEMENTS.afterOptions), { host: 'web', params: { value: '--version', out } }, { runner, confirm: async ({ step }) => step.host });
    expect(guarded.outcome).toBe('ok');
    expect(fs.readFileSync(out, 'utf8')).toBe('--version');
  });

  test('a value picked from command output is quoted too', async () => {
    const marker = path.join(work, 'pwned-captured');
    const procedure = defineProcedure({
      id: 'capture-hostile',
      title: 'Pick a hostile line',
      kind: 'rollback',
      params: [
        { name: 'line', label: 'Chosen line' },
        { name: 'out', label: 'Output file' },
      ],
      steps: [
        { title: 'List', command: `printf '%s\\n' safe '$(touch ${marker})'`, capture: { param: 'line', pick: 1 } },
        { title: 'Use', command: "printf '%s' {{line}} > {{out}}" },
      ],
    });
    const out = path.join(work, 'out-captured');
    const result = await runProcedure(procedure, { host: 'web', params: { out } }, { runner: env.runner(), confirm: async ({ step }) => step.host });
    expect(result.outcome).toBe('ok');
    expect(result.steps[0].captured?.value).toBe(`$(touch ${marker})`);
    expect(fs.readFileSync(out, 'utf8')).toBe(`$(touch ${marker})`);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test('NUL is refused before anything runs', async () => {
    const procedure = defineProcedure({
      id: 'nul-check',
      title: 'First step leaves a trace',
      kind: 'resolution',
      params: [{ name: 'value', label: 'A value' }],
      steps: [
        { title: 'Trace', command: `touch ${path.join(work, 'pwned-nul-first-step')}` },
        { title: 'Use', command: 'echo {{value}}' },
      ],
    });
    const attempt = runProcedure(procedure, { host: 'web', params: { value: `ok\0; touch ${path.join(work, 'pwned-nul')}` } }, { runner: env.runner() });
    await expect(attempt).rejects.toThrow(ProcedureInputError);
    await expect(attempt).rejects.toThrow(/"value" contains a NUL character/);
    expect(pwnedFiles()).toEqual([]);
  });
});

describe('shellQuote', () => {
  test('a local POSIX shell reads every quoted value back unchanged', () => {
    for (const value of [...Object.values(hostileValues()), '', "'", "''", '\\', 'ünïcødé ✓', '\t\r\n']) {
      const echoed = execFileSync('sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' });
      expect(echoed).toBe(value);
    }
  });

  test('uses single quotes with the standard escape, and refuses NUL', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(() => shellQuote('a\0b')).toThrow(/NUL/);
  });
});
