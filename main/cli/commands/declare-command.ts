import type { CliCommand } from '../cli-types';
import { UsageError } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';

const usage = 'trayage declare --title T --severity KEY [--service S] [--impact TEXT] [--commander NAME] [--data-dir DIR]';

export const declareCommand: CliCommand = {
  name: 'declare',
  summary: 'Declare an incident and print its id (for scripts and alert hooks)',
  usage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      {
        title: { type: 'string' },
        severity: { type: 'string' },
        service: { type: 'string' },
        impact: { type: 'string' },
        commander: { type: 'string' },
        'data-dir': { type: 'string' },
      },
      usage,
    );
    if (!values.title) throw new UsageError('--title is required.', usage);
    if (!values.severity) throw new UsageError('--severity is required (e.g. P1).', usage);
    const incident = await withEngine(values['data-dir'], (engine) =>
      call(engine, 'incidents.declare', {
        title: values.title!,
        severity: values.severity!,
        service: values.service,
        impact: values.impact,
        commander: values.commander,
      }),
    );
    io.out(String(incident.id));
    return 0;
  },
};
