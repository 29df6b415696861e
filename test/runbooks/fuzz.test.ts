import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatExtraction, importRunbook, type RunbookExtraction } from '../../main/engine/runbooks/importer';
import { RUNBOOK_DIR, runbookText } from './runbooks';

// Thousands of random and mutated Markdown documents, generated from a fixed seed so any
// failure can be replayed: the importer must never throw and must finish each one quickly.
// FUZZ_SEED=<number> explores other documents; CI always runs the fixed seed.

const SEED = Number(process.env.FUZZ_SEED ?? 0x7a9a6e);
const SMALL_DOCUMENTS = 2000;
const LARGE_DOCUMENTS = 30;
/**
 * Per-document bound on the CPU time this process spent importing it (not the wall clock, which
 * other processes on a shared machine stretch): a document that sends the importer into
 * super-linear work takes far longer; an ordinary one takes a few milliseconds.
 */
const PER_DOCUMENT_MS = 2_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = mulberry32(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];

const SYNTAX = [...'`~*_-+#>|[](){}<>!\\$"\'\n\n\n\t :;&=0123456789xX'];
const ODD = ['\r', '\r\n', '\u0000', '\uFEFF', '🚨', 'é', '\u202E', '\u0301', 'ß', '日本', '\uD83D', '\\\n', '<<EOF\n', '\nEOF\n'];
const TOKENS = [
  '# ', '## ', '### P1 - Critical\n', '#### ', 'Title\n===\n', 'Sub\n---\n', '- ', '* ', '+ ', '1. ', '- [ ] ', '* [x] ', '1. [X] ',
  '> ', '    ', '  ', '```bash\n', '```\n', '~~~\n', '```console\n$ ', '```text\n', '<!--', '-->', '| a | b |\n', '|---|---|\n',
  '**Response Time**: ', '**Rollback:**\n', '**Diagnostic Steps:**\n', '**Template:**\n', 'Immediate (< 15 min)', 'every 30 minutes',
  '# comment\n', 'ssh root@host\n', 'rm -rf /tmp/x\n', 'kubectl delete pod x\n', '<previous-tag>', '[Brief description]', '{{title}}',
  '$VAR ', "'", '"', '$(', ')', '\\\n', ' && ', ' |\n', 'cat <<EOF\n', 'EOF\n', '---\n', '+++\n', 'title: x\n', 'error rate > 5%',
  'P2-P4 ', '→ ', '[x](http://a)', '![i](j)', '<div>\n', '</div>\n', '\n', '\n\n', 'text ', 'Communication Templates\n', 'Post-mortem\n',
];

const sources = readdirSync(RUNBOOK_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => runbookText(f));

function slice(text: string, maxLength: number): string {
  const start = int(text.length);
  return text.slice(start, start + 1 + int(maxLength));
}

function mutate(text: string, count: number): string {
  let doc = text;
  for (let i = 0; i < count; i += 1) {
    const at = int(doc.length + 1);
    switch (int(8)) {
      case 0: // cut
        doc = doc.slice(0, at) + doc.slice(at + int(200));
        break;
      case 1: // splice in a piece of another runbook
        doc = doc.slice(0, at) + slice(pick(sources), 400) + doc.slice(at);
        break;
      case 2: {
        // duplicate a run of lines
        const lines = doc.split('\n');
        const from = int(lines.length);
        lines.splice(from, 0, ...lines.slice(from, from + 1 + int(6)));
        doc = lines.join('\n');
        break;
      }
      case 3: // insert Markdown punctuation
        doc = doc.slice(0, at) + Array.from({ length: 1 + int(6) }, () => pick(SYNTAX)).join('') + doc.slice(at);
        break;
      case 4: // insert unusual characters
        doc = doc.slice(0, at) + pick(ODD) + doc.slice(at);
        break;
      case 5: // insert a Markdown token
        doc = doc.slice(0, at) + pick(TOKENS) + doc.slice(at);
        break;
      case 6: {
        // re-indent a line
        const lines = doc.split('\n');
        const n = int(lines.length);
        lines[n] = ' '.repeat(int(9)) + (lines[n] ?? '').trimStart();
        doc = lines.join('\n');
        break;
      }
      default: {
        // swap two lines
        const lines = doc.split('\n');
        const a = int(lines.length);
        const b = int(lines.length);
        [lines[a], lines[b]] = [lines[b], lines[a]];
        doc = lines.join('\n');
      }
    }
  }
  return doc;
}

function tokenSoup(): string {
  return Array.from({ length: 5 + int(80) }, () => pick(TOKENS)).join('');
}

function smallDocument(): string {
  switch (int(3)) {
    case 0:
      return slice(pick(sources), 1500);
    case 1:
      return mutate(slice(pick(sources), 2000), 1 + int(20));
    default:
      return tokenSoup();
  }
}

function checkShape(x: RunbookExtraction, lineCount: number): void {
  expect(JSON.parse(JSON.stringify(x))).toEqual(x);
  expect(typeof x.title).toBe('string');
  for (const p of x.procedures) {
    expect(['diagnostic', 'rollback', 'resolution']).toContain(p.kind);
    expect(p.steps.length).toBeGreaterThan(0);
    for (const s of p.steps) {
      expect(s.command.trim()).not.toBe('');
      expect(s.line).toBeGreaterThanOrEqual(0);
      expect(s.line).toBeLessThanOrEqual(lineCount + 1);
      expect(s.destructive).toBe(s.destructiveReasons.length > 0);
    }
  }
  for (const c of x.checklists) expect(c.items.length).toBeGreaterThan(0);
  for (const t of x.templates) expect(['communication', 'postmortem']).toContain(t.kind);
  expect(typeof formatExtraction(x)).toBe('string');
}

function run(doc: string, index: number): number {
  const started = process.cpuUsage();
  let extraction: RunbookExtraction;
  try {
    extraction = importRunbook(doc);
  } catch (error) {
    throw new Error(`document ${index} (seed ${SEED}) made the importer throw: ${String(error)}\n--- document start ---\n${doc.slice(0, 2000)}`);
  }
  const spent = process.cpuUsage(started);
  const elapsed = (spent.user + spent.system) / 1000;
  try {
    checkShape(extraction, doc.split(/\r\n|\r|\n/).length);
  } catch (error) {
    throw new Error(`document ${index} (seed ${SEED}): ${String(error)}\n--- document start ---\n${JSON.stringify(doc.slice(0, 3000))}`);
  }
  return elapsed;
}

describe('importer fuzzing', () => {
  it(`imports ${SMALL_DOCUMENTS} random and mutated documents without throwing, each within ${PER_DOCUMENT_MS} ms of CPU`, () => {
    let slowest = 0;
    for (let i = 0; i < SMALL_DOCUMENTS; i += 1) slowest = Math.max(slowest, run(smallDocument(), i));
    expect(slowest).toBeLessThan(PER_DOCUMENT_MS);
  }, 60_000);

  it(`imports ${LARGE_DOCUMENTS} whole runbooks after heavy mutation`, () => {
    let slowest = 0;
    for (let i = 0; i < LARGE_DOCUMENTS; i += 1) {
      const doc = mutate(pick(sources), 20 + int(150));
      slowest = Math.max(slowest, run(doc, SMALL_DOCUMENTS + i));
    }
    expect(slowest).toBeLessThan(PER_DOCUMENT_MS);
  }, 60_000);
});
