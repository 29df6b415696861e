import { describe, expect, it } from 'vitest';
import { MAX_RUNBOOK_BYTES } from '../../main/engine/runbooks/importer';
import { engineEachTest } from '../helpers/engine-each-test';

// The engine reads runbooks on a worker thread (dist/runbook-import-worker.cjs, as the windows
// use it through `packs.preview`), so other calls keep answering while a document that takes the
// worker many seconds is read. The RPCs go through the engine's own dispatch, validation included.

/** Headings one character long, just under the size limit: the slowest shape of document known to the importer. */
const WORST_CASE = '# a\n'.repeat(Math.floor(MAX_RUNBOOK_BYTES / 4) - 1);
const CALLS = 15;
const BETWEEN_CALLS_MS = 25;

describe('engine responsiveness while a runbook is imported', () => {
  const { call } = engineEachTest();

  it('answers incidents.list within 100 ms while a worst-case 512 KiB runbook is being read', async () => {
    expect((await call('incidents.declare', { title: 'Checkout 502', severity: 'P1' })).error).toBeUndefined();
    let importing = true;
    const preview = call('packs.preview', { text: WORST_CASE, fileName: 'headings.md' }).finally(() => {
      importing = false;
    });

    const roundTrips: number[] = [];
    while (importing && roundTrips.length < CALLS) {
      const started = performance.now();
      const reply = await call('incidents.list', { status: 'all' });
      const elapsed = performance.now() - started;
      expect(reply.result).toHaveLength(1);
      // Only calls answered while the import was still running count.
      if (importing) roundTrips.push(elapsed);
      await new Promise((resolve) => setTimeout(resolve, BETWEEN_CALLS_MS));
    }

    // Read to its end (or refused at the deadline, with the reason): the worker does not outlive the test.
    const outcome = await preview;
    expect(outcome.result ?? outcome.error.message).toBeTruthy();
    if (outcome.error) expect(outcome.error.message).toMatch(/^headings\.md could not be read within \d+ s/);

    expect(roundTrips).toHaveLength(CALLS);
    // The median, not the slowest call: on a shared two-core machine one call can wait for the
    // scheduler or a garbage collection of its own whatever the import does, and a single such
    // pause says nothing about the import; an engine held up by the import would be slow on
    // every call, and so in the median.
    const median = [...roundTrips].sort((a, b) => a - b)[Math.floor(CALLS / 2)];
    expect(median).toBeLessThan(100);
  }, 120_000);
});
