import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, importRunbook, importRunbookAsync, MAX_RUNBOOK_BYTES } from '../../main/engine/runbooks/importer';
import { headingFlood, richHeadings } from './heavy-runbooks';
import { runbookText } from './runbooks';

// The engine reads runbooks on a worker thread with a deadline counted from when the worker begins reading. The worker runs as bundled
// (scripts/build.mjs): it is bundled here from the sources, so the test reads today's importer.
const dir = mkdtempSync(path.join(os.tmpdir(), 'trayage-import-worker-'));
const workerFile = path.join(dir, 'runbook-import-worker.cjs');

beforeAll(async () => {
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../main/engine/runbooks/importer/import-worker.ts')],
    outfile: workerFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(work: Promise<unknown>): Promise<ImportError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

/** The longest the event loop went without running a timer while `work` ran. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 10);
  try {
    await work.catch(() => undefined);
  } finally {
    clearInterval(ticker);
  }
  return longest;
}

describe('importRunbookAsync', () => {
  it('reads a runbook on the worker exactly as the importer does', async () => {
    const text = runbookText('hotdash-incident-response.md');
    const x = await importRunbookAsync(text, { fileName: 'hotdash.md', workerFile, deadlineMs: 30_000 });
    expect(x).toEqual(importRunbook(text, { fileName: 'hotdash.md' }));
  }, 40_000);

  it('refuses a runbook not read by the deadline, saying why, without holding up the caller', async () => {
    const text = richHeadings();
    const started = performance.now();
    // Far less than reading it takes on any machine (markdown-it alone makes 300,000 tokens of it).
    const work = importRunbookAsync(text, { fileName: 'headings.md', workerFile, deadlineMs: 100 });
    const stall = await longestStall(work);
    const error = await refusal(work);
    const elapsed = performance.now() - started;
    expect(error.code).toBe('too-slow');
    expect(error.message).toBe(
      'headings.md could not be read within 0.1 s (511.9 KiB, 18,078 lines, 18,077 headings, 0 list items), so reading it was stopped. Split it into smaller runbooks, or remove long runs of headings, list items or tables.',
    );
    // The deadline counts from when the worker begins, after its code has loaded.
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(30_000);
    // The caller's event loop kept running timers the whole time.
    expect(stall).toBeLessThan(500);
  }, 60_000);

  // The slowest document known that the block budget lets through is read to the end within the
  // default deadline; how fast is for `npm run bench -- import` to say, not for a test on a shared
  // machine. A flood of blocks is refused by the worker at once, before it parses anything.
  it('reads 512 KiB of headings full of markup to the end, and refuses 131,071 one-character headings at once', async () => {
    const x = await importRunbookAsync(richHeadings(), { fileName: 'headings.md', workerFile });
    expect(x.title).toBe('a b c e f');
    expect(x.warnings).toEqual([expect.stringMatching(/^no severity levels found/)]);

    const flood = await refusal(importRunbookAsync(headingFlood(), { fileName: 'flood.md', workerFile }));
    expect(flood.code).toBe('too-many-blocks');
    expect(flood.message).toMatch(/^flood\.md has 131,071 headings, paragraphs, list items, table rows and code blocks; a runbook can have up to 20,000 /);
  }, 60_000);

  it('reads the next runbook after a refusal, on a fresh worker, within the default deadline', async () => {
    await refusal(importRunbookAsync(richHeadings(), { workerFile, deadlineMs: 50 }));
    await importRunbookAsync('# warm\n', { workerFile, deadlineMs: 30_000 });
    const x = await importRunbookAsync('## Restart\n\n```bash\nsystemctl restart web\n```\n', { workerFile });
    expect(x.procedures.map((p) => [p.title, p.steps[0].destructive])).toEqual([['Restart', true]]);
  }, 40_000);

  it('refuses text over the size limit before starting any work, and a missing worker clearly', async () => {
    const big = await refusal(importRunbookAsync('x'.repeat(MAX_RUNBOOK_BYTES + 1), { fileName: 'big.md', workerFile }));
    expect(big).toMatchObject({ code: 'too-large', message: 'big.md is 512.0 KiB; runbooks up to 512.0 KiB can be imported. Split it into smaller runbooks.' });
    const missing = path.join(dir, 'nowhere.cjs');
    expect(existsSync(missing)).toBe(false);
    const error = await refusal(importRunbookAsync('# x', { workerFile: missing }));
    expect(error).toMatchObject({ code: 'unavailable', message: `The runbook reader ${missing} is missing; build Trayage ("npm run build") and try again.` });
  });

  it('reads imports one after another, each with its own result', async () => {
    const texts = ['gitquest-incident-playbook.md', 'heroforge-incident-response.md', 'healing-guard-incident-response.md'].map(runbookText);
    const results = await Promise.all(texts.map((text) => importRunbookAsync(text, { workerFile, deadlineMs: 60_000 })));
    expect(results.map((x) => x.title)).toEqual(['Incident Response Playbook', 'HeroForge Incident Response Runbook', 'Incident Response Runbook']);
  }, 90_000);
});
