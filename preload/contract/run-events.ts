import { z } from 'zod';

// Live output of runs, coalesced in the engine: one event carries every
// host and step that printed since the last one, and a step that prints
// faster than a window can show keeps only its newest text ("omitted" counts
// what was left out; the output file has all of it).
export const RunOutputChunk = z.object({
  host: z.string(),
  stepIndex: z.number().int(),
  text: z.string(),
  omitted: z.number().int(),
});
export type RunOutputChunk = z.infer<typeof RunOutputChunk>;

export const runEvents = {
  // A run started, a step started or ended, a prompt opened or the run finished: fetch runs.get.
  'runs.changed': z.object({ runId: z.number().int(), incidentId: z.number().int().nullable(), status: z.string() }),
  'runs.output': z.object({ runId: z.number().int(), chunks: z.array(RunOutputChunk) }),
  // An encrypted key needs its passphrase; answer with runs.answerPassphrase.
  'runs.passphrase-needed': z.object({ requestId: z.string(), alias: z.string(), keyPath: z.string(), attempt: z.number().int() }),
  // Answered (in some window) or given up: close the prompt everywhere.
  'runs.passphrase-settled': z.object({ requestId: z.string() }),
} as const;
