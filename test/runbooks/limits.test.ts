import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importRunbook, MAX_RUNBOOK_BYTES, readRunbookFile } from '../../main/engine/runbooks/importer';
import { CLI } from '../helpers/serve-process';
import { refusal } from './heavy-runbooks';
import { RUNBOOK_DIR, runbookText } from './runbooks';

const dir = mkdtempSync(path.join(os.tmpdir(), 'trayage-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}

describe('readRunbookFile', () => {
  it('reads a runbook as text', () => {
    const source = path.join(RUNBOOK_DIR, 'heroforge-incident-response.md');
    expect(readRunbookFile(source)).toBe(readFileSync(source, 'utf8'));
  });

  it('names a missing file', () => {
    const missing = path.join(dir, 'nope.md');
    const error = refusal(() => readRunbookFile(missing));
    expect(error).toMatchObject({ code: 'not-found', file: missing, message: `${missing}: no such file. Check the path and try again.` });
  });

  it('refuses a directory', () => {
    const sub = path.join(dir, 'folder.md');
    mkdirSync(sub);
    expect(refusal(() => readRunbookFile(sub))).toMatchObject({ code: 'not-a-file', message: `${sub} is a directory, not a Markdown file.` });
  });

  it('refuses a file it may not read', () => {
    const locked = file('locked.md', '# x');
    chmodSync(locked, 0o000);
    const message = `${locked} cannot be read: permission denied. Check the file's permissions.`;
    if (process.getuid?.() !== 0) {
      expect(refusal(() => readRunbookFile(locked))).toMatchObject({ code: 'unreadable', message });
      return;
    }
    // Root may read anything, so the refusal is checked as an unprivileged user (nobody), through the CLI.
    chmodSync(dir, 0o755);
    const run = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, CLI, 'import', locked], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(message);
  });

  it('refuses a binary file, naming the line of the first NUL byte', () => {
    const png = file('image.md', Buffer.concat([Buffer.from('# Title\n\n'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00])]));
    expect(refusal(() => readRunbookFile(png))).toMatchObject({
      code: 'binary',
      message: `${png} is a binary file (NUL byte on line 5), not a Markdown runbook.`,
    });
  });

  it('refuses UTF-16 and text that is not UTF-8, saying how to fix it', () => {
    const utf16 = file('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Title', 'utf16le')]));
    expect(refusal(() => readRunbookFile(utf16)).message).toBe(`${utf16} is UTF-16 text; save it as UTF-8 and import it again.`);
    const latin1 = file('latin1.md', Buffer.concat([Buffer.from('# Runbook\n\n'), Buffer.from('Caf\xe9 down\n', 'latin1')]));
    expect(refusal(() => readRunbookFile(latin1))).toMatchObject({
      code: 'not-utf8',
      message: `${latin1} is not UTF-8 text (invalid byte on line 3); save it as UTF-8 and import it again.`,
    });
  });

  it('refuses a 10 MB file at once, stating the limit', () => {
    const huge = file('huge.md', Buffer.alloc(10 * 1024 * 1024, 'a\n'));
    const started = performance.now();
    const error = refusal(() => readRunbookFile(huge));
    // Parsing 10 MiB would take minutes; refusing it takes milliseconds, with room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({
      code: 'too-large',
      message: `${huge} is 10.0 MiB; runbooks up to 512.0 KiB can be imported. Split it into smaller runbooks.`,
    });
  });

  it('accepts a file of exactly the limit and refuses one byte more', () => {
    expect(readRunbookFile(file('limit.md', Buffer.alloc(MAX_RUNBOOK_BYTES, 'x')))).toHaveLength(MAX_RUNBOOK_BYTES);
    expect(refusal(() => readRunbookFile(file('over.md', Buffer.alloc(MAX_RUNBOOK_BYTES + 1, 'x')))).code).toBe('too-large');
  });
});

describe('importRunbook on large text', () => {
  it('refuses text over the limit without parsing it', () => {
    const started = performance.now();
    const error = refusal(() => importRunbook('- [ ] x\n'.repeat(1_400_000), { fileName: 'big.md' }));
    // Parsing 10 MiB would take minutes; refusing it takes milliseconds, with room for a loaded machine.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error.message).toBe('big.md is 10.7 MiB; runbooks up to 512.0 KiB can be imported. Split it into smaller runbooks.');
  });

  // How long it takes is the benchmark's business, not a test's: the engine reads it on a worker with a deadline.
  it('imports a document just under the limit whole, as ten copies of the five runbooks', () => {
    const names = ['gitquest-incident-playbook.md', 'healing-guard-incident-response.md', 'heroforge-incident-response.md', 'hotdash-incident-response.md', 'monitoring-system-incident-response.md'];
    const copy = `${names.map((n) => runbookText(n)).join('\n\n')}\n\n`;
    const copyLines = copy.split('\n').length - 1;
    const once = importRunbook(copy);
    const text = copy.repeat(10);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_RUNBOOK_BYTES);

    const tenTimes = importRunbook(text);

    expect(tenTimes.checklists).toHaveLength(10 * once.checklists.length);
    expect(tenTimes.procedures).toHaveLength(10 * once.procedures.length);
    expect(tenTimes.templates).toHaveLength(10 * once.templates.length);
    expect(tenTimes.contacts).toHaveLength(10 * once.contacts.length);
    // Read in one go, the last copy reads exactly like the first, nine copies further down.
    const last = tenTimes.procedures.slice(-once.procedures.length);
    expect(last.map((p) => [p.title, p.kind, p.steps.map((s) => [s.title, s.command, s.line - 9 * copyLines])])).toEqual(
      once.procedures.map((p) => [p.title, p.kind, p.steps.map((s) => [s.title, s.command, s.line])]),
    );
  }, 120_000);

  it('leaves out a block too long to parse safely and keeps the rest', () => {
    const paragraph = `${'[a](<b '.repeat(6_000)}\n`;
    const x = importRunbook(`## Checks\n\n- [ ] first\n\n${paragraph}\n## After\n\n- [ ] second\n`);
    expect(x.checklists.map((c) => c.title)).toEqual(['Checks', 'After']);
    expect(x.warnings[0]).toBe('lines 5-6 were not imported: they hold 42 KB without a blank line or heading (at most 32 KB); simplify them or separate their parts with blank lines');
  });
});
