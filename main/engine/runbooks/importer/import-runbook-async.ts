// Reads a runbook on a worker thread, so that a document that is slow to parse never holds up
// the engine: past the deadline (30 s of reading by default) the worker is stopped and the import refused
// with the reason. One worker is kept while imports come in and reused, so its code is loaded
// and warmed once; it leaves after a minute without work and never keeps the process alive.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportError, MAX_RUNBOOK_BYTES, tooComplex, tooLarge, tooSlow } from './import-error';
import type { ImportOptions } from './import-runbook';
import type { RunbookExtraction } from './types';
import type { ImportJob, ImportReply } from './worker-messages';

export interface AsyncImportOptions extends ImportOptions {
  /** Refuse the runbook when reading it takes longer; 30 s by default, counted from when the worker begins. */
  deadlineMs?: number;
  /** The worker's bundle; by default `runbook-import-worker.cjs` beside the running bundle (dist/). */
  workerFile?: string;
}

// Counted from when the worker begins reading, so a slow start on a loaded machine takes nothing
// from it. Long enough for the largest legitimate runbook on a loaded machine; the engine keeps
// running meanwhile. Floods of blocks are refused before parsing (block-budget.ts), so the
// deadline is left to stop shapes nobody has found yet. On a fresh worker on a two-core machine
// (`npm run bench -- import`), ten copies of the five example runbooks (476 KiB) take 1.4 s idle
// and 2.7 s at load 5-6, and the slowest document known under the budget 1.3 s idle: a 2 s
// deadline would refuse legitimate runbooks whenever the machine is busy.
export const IMPORT_DEADLINE_MS = 30_000;
/** How long a worker may take to load its code before the import is given up. */
const START_MS = 60_000;
const WORKER_FILE = 'runbook-import-worker.cjs';
/** Twice what the largest runbook accepted needs; a document that needs more is refused. */
const MEMORY_LIMIT_MB = 384;
const IDLE_MS = 60_000;

/** Beside the running bundle (dist/), or, when running from the sources as the tests do, in dist/. */
function defaultWorkerFile(): string {
  const beside = path.join(__dirname, WORKER_FILE);
  return existsSync(beside) ? beside : path.resolve(__dirname, '../../../../dist', WORKER_FILE);
}

interface Pending {
  job: ImportJob;
  deadlineMs: number;
  resolve: (x: RunbookExtraction) => void;
  reject: (err: Error) => void;
}

class ImportWorker {
  private worker: Worker | null = null;
  private current: { pending: Pending; timer: NodeJS.Timeout; started: boolean } | null = null;
  private readonly queue: Pending[] = [];
  private idle: NodeJS.Timeout | null = null;
  private nextId = 1;

  constructor(private readonly file: string) {}

  run(text: string, fileName: string | undefined, deadlineMs: number): Promise<RunbookExtraction> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, text, fileName }, deadlineMs, resolve, reject });
      this.next();
    });
  }

  private start(): Worker {
    if (!existsSync(this.file)) {
      throw new ImportError('unavailable', `The runbook reader ${this.file} is missing; build Trayage ("npm run build") and try again.`);
    }
    const worker = new Worker(this.file, { resourceLimits: { maxOldGenerationSizeMb: MEMORY_LIMIT_MB } });
    worker.on('message', (reply: ImportReply) => this.answer(reply));
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', () => this.fail(worker, new Error('the runbook reader stopped unexpectedly')));
    // After the listeners, which would hold the process open again: a job's deadline timer keeps it alive while one runs.
    worker.unref();
    return worker;
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    const pending = this.queue.shift() as Pending;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    try {
      this.worker ??= this.start();
    } catch (err) {
      pending.reject(err as Error);
      this.next();
      return;
    }
    const timer = setTimeout(() => this.expire(), START_MS);
    this.current = { pending, timer, started: false };
    this.worker.postMessage(pending.job);
  }

  private settle(): Pending | null {
    const current = this.current;
    if (!current) return null;
    clearTimeout(current.timer);
    this.current = null;
    return current.pending;
  }

  private answer(reply: ImportReply): void {
    if (this.current?.pending.job.id !== reply.id) return;
    if ('started' in reply) {
      clearTimeout(this.current.timer);
      this.current.started = true;
      this.current.timer = setTimeout(() => this.expire(), this.current.pending.deadlineMs);
      return;
    }
    const pending = this.settle() as Pending;
    if (reply.ok) pending.resolve(reply.extraction);
    else pending.reject(reply.code ? new ImportError(reply.code, reply.message, reply.file) : new Error(`the runbook reader failed: ${reply.message}`));
    this.rest();
  }

  /** Past the deadline the worker is stopped mid-parse: nothing else can interrupt it. */
  private expire(): void {
    const started = this.current?.started ?? true;
    const pending = this.settle();
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
    if (pending && !started) {
      const seconds = START_MS / 1000;
      pending.reject(new ImportError('unavailable', `The runbook reader did not start within ${seconds} s; the machine may be overloaded. Try the import again.`));
    } else if (pending) pending.reject(tooSlow(pending.job.text, pending.job.fileName ?? null, pending.deadlineMs));
    this.next();
  }

  private fail(worker: Worker, err: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const pending = this.settle();
    if (pending) {
      const outOfMemory = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      pending.reject(outOfMemory ? tooComplex(pending.job.text, pending.job.fileName ?? null, MEMORY_LIMIT_MB) : new Error(`the runbook reader failed: ${err.message}`));
    }
    this.next();
  }

  private rest(): void {
    if (this.queue.length > 0) {
      this.next();
      return;
    }
    this.idle = setTimeout(() => {
      const worker = this.worker;
      this.worker = null;
      void worker?.terminate();
    }, IDLE_MS);
    this.idle.unref();
  }
}

const workers = new Map<string, ImportWorker>();

/**
 * `importRunbook` on a worker thread with a deadline: resolves with the extraction, or rejects
 * with an `ImportError` — `too-large` (checked first, without starting the worker), `too-slow`
 * (not read within `deadlineMs`), `too-complex` (ran out of its memory), `unavailable` (the
 * worker's bundle is missing). Imports are read one after another.
 */
export function importRunbookAsync(text: string, options: AsyncImportOptions = {}): Promise<RunbookExtraction> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_RUNBOOK_BYTES) return Promise.reject(tooLarge(bytes, options.fileName ?? null));
  const file = options.workerFile ?? defaultWorkerFile();
  let worker = workers.get(file);
  if (!worker) {
    worker = new ImportWorker(file);
    workers.set(file, worker);
  }
  return worker.run(text, options.fileName, options.deadlineMs ?? IMPORT_DEADLINE_MS);
}
