import path from 'node:path';
import { formatExtraction, ImportError, importRunbook, readRunbookFile } from '../../engine/runbooks/importer';
import type { CliCommand } from '../cli-types';
import { UsageError } from '../cli-types';
import { parseFlags } from '../parse-flags';

const usage = 'trayage import FILE.md [--json]';

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Show what a Markdown runbook turns into: severities, checklists, procedures, templates',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { json: { type: 'boolean' } }, usage, 1);
    const file = positionals[0];
    if (!file) throw new UsageError('FILE.md is required.', usage);
    let text: string;
    try {
      text = readRunbookFile(file);
    } catch (err) {
      if (err instanceof ImportError) {
        io.err(err.message);
        return 2;
      }
      throw err;
    }
    const extraction = importRunbook(text, { fileName: path.basename(file) });
    io.out(values.json ? JSON.stringify(extraction, null, 2) : formatExtraction(extraction));
    return 0;
  },
};
