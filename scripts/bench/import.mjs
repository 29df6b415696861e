// Runbook import through the built worker (dist/runbook-import-worker.cjs), as the engine runs
// it: a legitimate 475 KiB runbook (the five example runbooks repeated), the slowest document
// known that the importer accepts (512 KiB of headings full of inline markup, under the block
// budget), and one it refuses (512 KiB of one-character headings: 131,071 blocks). Each is
// read RUNS times on a fresh worker; the time is from the worker's "started" (its code loaded,
// where the engine's deadline starts counting) to its answer, whether a reading or a refusal.
// Prints the commit and the machine's load with the figures.
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { commit, loadAverage, machine } from './run-context.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const WORKER = path.join(root, 'dist/runbook-import-worker.cjs');
/** The example runbooks live beside the repository, as the tests read them. */
const RUNBOOKS = path.resolve(root, '../shared/runbooks');
const EXAMPLES = ['gitquest-incident-playbook.md', 'healing-guard-incident-response.md', 'heroforge-incident-response.md', 'hotdash-incident-response.md', 'monitoring-system-incident-response.md'];
const RUNS = 5;
const LIMIT_BYTES = 512 * 1024;

/** The five example runbooks, repeated until the next copy would pass 476 KiB. */
function legitimate() {
  const all = EXAMPLES.map((f) => fs.readFileSync(path.join(RUNBOOKS, f), 'utf8')).join('\n\n');
  let text = '';
  while (text.length + all.length < 476 * 1024) text += `${all}\n\n`;
  return text;
}

const headingFlood = () => '# a\n'.repeat(Math.floor(LIMIT_BYTES / 4) - 1);

/** Headings with emphasis, a link, code and strikethrough filling 512 KiB: 18,077 blocks, under the budget. */
function richHeadings() {
  const heading = '# **a** _b_ [c](d) `e` ~~f~~\n';
  return heading.repeat(Math.floor(LIMIT_BYTES / heading.length) - 1);
}

/** Milliseconds from the worker's start of reading to its answer, on a fresh worker, and whether it was a refusal. */
function readOnce(text) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER);
    let started = 0;
    worker.on('message', (reply) => {
      if (reply.started) {
        started = performance.now();
        return;
      }
      const ms = performance.now() - started;
      void worker.terminate();
      if (reply.ok) resolve({ ms, refused: null });
      else if (reply.code) resolve({ ms, refused: reply.code });
      else reject(new Error(reply.message));
    });
    worker.on('error', reject);
    worker.postMessage({ id: 1, text, fileName: 'bench.md' });
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

export async function benchImport() {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing; run "npm run build" first`);
  const out = { commit: commit(), machine: machine(), 'load average (1/5/15 min), before': loadAverage() };
  for (const [name, text] of [
    ['legitimate runbook', legitimate()],
    ['slowest accepted (18,077 headings with inline markup)', richHeadings()],
    ['one-character headings', headingFlood()],
  ]) {
    const times = [];
    const outcomes = new Set();
    for (let i = 0; i < RUNS; i += 1) {
      const { ms, refused } = await readOnce(text);
      times.push(ms);
      outcomes.add(refused ? `refused (${refused})` : 'read');
    }
    const kib = (Buffer.byteLength(text) / 1024).toFixed(0);
    out[`${name}, ${kib} KiB: median / max of ${RUNS}`] = `${seconds(median(times))} / ${seconds(Math.max(...times))}, ${[...outcomes].join(' and ')}`;
  }
  out['load average (1/5/15 min), after'] = loadAverage();
  return out;
}
