import { listProceduresCli } from '../run/procedure-cli';
import { readCliRunContext } from '../run/cli-context';
import type { CliCommand } from '../cli-types';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';
import { lineWriter } from './run-command';

const usage = 'trayage procedures [--json] [--data-dir DIR]';

export const proceduresCommand: CliCommand = {
  name: 'procedures',
  summary: 'List the procedures "trayage run" can run: built-in diagnostics and rollbacks, and the team\'s own',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, usage);
    const { procedures } = await withEngine(values['data-dir'], (engine) => readCliRunContext(engine));
    const out = lineWriter(io.out);
    const err = lineWriter(io.err);
    try {
      return listProceduresCli(values.json ? ['--json'] : [], { stdout: out.write, stderr: err.write }, { procedures });
    } finally {
      out.flush();
      err.flush();
    }
  },
};
