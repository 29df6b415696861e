import { afterEach, describe, expect, it } from 'vitest';
import { internalErrorLine, showStackTraces } from '../../main/cli/internal-error';
import { runCli } from '../../main/cli/run-cli';
import { removeDir, tempDir } from '../helpers/temp-dir';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

afterEach(() => showStackTraces(false));

describe('an internal error as a person sees it', () => {
  it('is one line, terminal-safe, names where it happened and how to see more', () => {
    const line = internalErrorLine('monitors.list', new Error('boom \u001b]52;c;eA==\u0007 here'));
    expect(line.split('\n')).toHaveLength(1);
    expect(line).not.toMatch(ACTIVE);
    expect(line).not.toMatch(STACK_LINE);
    expect(line).toContain('internal error in monitors.list: boom');
    expect(line).toContain('--debug');
  });

  it('carries the stack trace only with --debug', () => {
    showStackTraces(true);
    const line = internalErrorLine('timers', new Error('boom'));
    expect(line).toMatch(STACK_LINE);
    expect(line).not.toContain('--debug shows');
  });

  it('--debug is taken anywhere on the command line and does not upset the command', async () => {
    const dataDir = tempDir('trayage-debug-');
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t) };
      expect(await runCli(['incidents', '--debug', '--json', '--data-dir', dataDir], io)).toBe(0);
      expect(JSON.parse(out.join('\n'))).toEqual([]);
      expect(internalErrorLine('x', new Error('y'))).toMatch(STACK_LINE);
      expect(await runCli(['incidents', '--json', '--data-dir', dataDir], io)).toBe(0);
      expect(internalErrorLine('x', new Error('y'))).not.toMatch(STACK_LINE);
      expect(err).toEqual([]);
    } finally {
      removeDir(dataDir);
    }
  });
});
