import type { CliCommand } from '../cli-types';
import { withEngine } from '../open-engine';
import { parseRunFlags, RUN_USAGE } from '../run/run-flags';
import { runProcedure } from '../run/run-procedure';

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Run a procedure over SSH, kept like a run from the app (exit 0 ok, 1 failed, 2 usage, 3 host key, 4 needs --confirm)',
  usage: RUN_USAGE,
  async run(args, io) {
    const request = parseRunFlags(args);
    return withEngine(request.dataDir, (engine) => runProcedure(engine, request, io));
  },
};
