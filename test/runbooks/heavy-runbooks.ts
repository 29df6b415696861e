import { ImportError, MAX_RUNBOOK_BYTES } from '../../main/engine/runbooks/importer';

// Documents at the importer's limits, and the refusals they meet, shared by the tests that read them directly, through the
// worker and through the engine.

/** 512 KiB of one-character headings: far more blocks than any runbook, refused before parsing. */
export const headingFlood = (): string => '# a\n'.repeat(Math.floor(MAX_RUNBOOK_BYTES / 4) - 1);

const RICH_HEADING = '# **a** _b_ [c](d) `e` ~~f~~\n';

/** 512 KiB of headings full of inline markup (18,077, under the block budget): the slowest document known that is read. */
export const richHeadings = (): string => RICH_HEADING.repeat(Math.floor(MAX_RUNBOOK_BYTES / RICH_HEADING.length) - 1);

/** The ImportError `read` throws; fails the test when it throws anything else or nothing. */
export function refusal(read: () => unknown): ImportError {
  try {
    read();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}
