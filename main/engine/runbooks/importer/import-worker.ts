// The worker thread that reads runbooks for importRunbookAsync: one job at a time, answered
// with the extraction or with what went wrong. Bundled on its own as
// dist/runbook-import-worker.cjs (scripts/build.mjs).
import { parentPort } from 'node:worker_threads';
import { ImportError } from './import-error';
import { importRunbook } from './import-runbook';
import type { ImportJob, ImportReply } from './worker-messages';

parentPort?.on('message', (job: ImportJob) => {
  parentPort?.postMessage({ id: job.id, started: true } satisfies ImportReply);
  let reply: ImportReply;
  try {
    reply = { id: job.id, ok: true, extraction: importRunbook(job.text, { fileName: job.fileName }) };
  } catch (err) {
    reply =
      err instanceof ImportError
        ? { id: job.id, ok: false, code: err.code, message: err.message, file: err.file }
        : { id: job.id, ok: false, code: null, message: err instanceof Error ? err.message : String(err), file: null };
  }
  parentPort?.postMessage(reply);
});
