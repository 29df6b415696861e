import fs from 'node:fs';
import type { CliCommand } from '../cli-types';
import { UsageError } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';

const usage = 'trayage postmortem ID [--out FILE] [--data-dir DIR]';

export const postmortemCommand: CliCommand = {
  name: 'postmortem',
  summary: 'Print (or write) the Markdown post-mortem of an incident',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { out: { type: 'string' }, 'data-dir': { type: 'string' } }, usage, 1);
    const id = Number(positionals[0]);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`ID must be an incident number, not '${positionals[0] ?? ''}'.`, usage);
    const doc = await withEngine(values['data-dir'], (engine) => call(engine, 'postmortem.get', { incidentId: id }));
    if (values.out) {
      fs.writeFileSync(values.out, doc.markdown);
      io.out(`Wrote ${values.out}`);
    } else {
      io.out(doc.markdown);
    }
    return 0;
  },
};
