import type { CliCommand } from '../cli-types';
import { UsageError } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';

const usage = 'trayage status ID STATUS [--note TEXT] [--data-dir DIR]';

export const statusCommand: CliCommand = {
  name: 'status',
  summary: "Move an incident to another status (e.g. identified, monitoring, resolved)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { note: { type: 'string' }, 'data-dir': { type: 'string' } }, usage, 2);
    const [idText, status] = positionals;
    const id = Number(idText);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`ID must be an incident number, not '${idText ?? ''}'.`, usage);
    if (!status) throw new UsageError('STATUS is required.', usage);
    const incident = await withEngine(values['data-dir'], (engine) => call(engine, 'incidents.setStatus', { id, status, note: values.note }));
    io.out(`#${incident.id} is now ${incident.status}`);
    return 0;
  },
};
