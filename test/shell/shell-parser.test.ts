import { describe, expect, it } from 'vitest';
import { parseShell } from '../../main/engine/lib/shell/shell-parser';
import { classifyCommand } from '../../main/engine/lib/shell/classify-command';

describe('parseShell', () => {
  it('leaves process-wide settings as they were when the parser loaded', () => {
    const limit = Error.stackTraceLimit;
    // The parser loads with the first command parsed.
    expect(parseShell('echo loaded').ok).toBe(true);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(Error.stackTraceLimit).not.toBe(Infinity);
    expect(Object.prototype.hasOwnProperty.call(globalThis, 'require')).toBe(false);
  });

  it('turns positions into the text they cover, beyond ASCII too', () => {
    const parsed = parseShell('echo héllo; ls → x');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.file.Stmts.map((s) => parsed.source.of(s))).toEqual(['echo héllo;', 'ls → x']);
  });

  it('reports a syntax error as a sentence', () => {
    expect(parseShell('if true; then')).toEqual({ ok: false, error: expect.stringMatching(/^shell syntax error on line 1: /) });
  });

  it('refuses absurdly deep nesting and huge text without throwing', () => {
    expect(parseShell(`echo ${'$('.repeat(20_000)}x${')'.repeat(20_000)}`)).toEqual({ ok: false, error: 'the command is nested too deeply to check' });
    expect(parseShell('x'.repeat(100_001)).ok).toBe(false);
    expect(parseShell('echo still works').ok).toBe(true);
  });
});

describe('parameter expansions with operators', () => {
  it.each(['echo "[${gone-unset}]"', 'echo ${x:-a}', 'echo ${x#a}', 'echo ${x/a/b}', 'echo ${x:1:2}', 'echo ${x^^}', 'echo ${x@Q}'])('reads %s as read-only', (command) => {
    expect(classifyCommand(command)).toMatchObject({ readOnly: true, destructive: false });
  });

  it.each(['echo ${x:-$(rm -rf /srv)}', 'echo ${x/a/$(rm -rf /srv)}', 'echo ${x:$(rm -rf /srv):1}'])('finds the command substituted inside %s', (command) => {
    expect(classifyCommand(command).destructive).toBe(true);
  });
});
