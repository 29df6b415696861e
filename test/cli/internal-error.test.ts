import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { internalErrorLine, showStackTraces } from '../../main/cli/internal-error';
import { runCli } from '../../main/cli/run-cli';
import { CLI } from '../helpers/serve-process';
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

describe('output piped to a reader that stops early (`trayage import FILE --json | head -1`)', () => {
  it('finishes without an error line and exits 0 once the reader has gone', async () => {
    const dir = tempDir();
    try {
      // Large enough that the output outlasts the pipe's buffer after the reader closes it.
      const sections = Array.from({ length: 400 }, (_, i) => `## Step ${i}\n\n\`\`\`bash\nkubectl get pods -n ns-${i} -o wide\n\`\`\`\n`).join('\n');
      const file = path.join(dir, 'long.md');
      fs.writeFileSync(file, `# Long\n\n${sections}`);
      const proc = spawn(process.execPath, [CLI, 'import', file, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      proc.stdout.once('data', () => proc.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => proc.once('close', resolve));
      expect(stderr).toBe('');
      expect(code).toBe(0);
    } finally {
      removeDir(dir);
    }
  });
});
