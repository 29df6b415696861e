// Runbook import through the built worker (dist/runbook-import-worker.cjs), as the engine runs
// it: a legitimate 475 KiB runbook (the five example runbooks repeated) and the worst case known
// to the importer (one-character headings up to 512 KiB). Each is read RUNS times on a fresh
// worker; the time is from the worker's "started" (its code loaded, where the engine's deadline
// starts counting) to its answer. Prints the commit and the machine's load with the figures.
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

const worstCase = () => '# a\n'.repeat(Math.floor(LIMIT_BYTES / 4) - 1);

/** Milliseconds from the worker's start of reading to its answer, on a fresh worker. */
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
      if (reply.ok) resolve(ms);
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
    ['worst case (one-character headings)', worstCase()],
  ]) {
    const times = [];
    for (let i = 0; i < RUNS; i += 1) times.push(await readOnce(text));
    const kib = (Buffer.byteLength(text) / 1024).toFixed(0);
    out[`${name}, ${kib} KiB: median / max of ${RUNS}`] = `${seconds(median(times))} / ${seconds(Math.max(...times))}`;
  }
  out['load average (1/5/15 min), after'] = loadAverage();
  return out;
}
