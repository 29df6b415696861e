import type { OnCallNow } from '../../../preload/contract';
import type { CliCommand } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';

const usage = 'trayage oncall [--json] [--data-dir DIR]';

export const oncallCommand: CliCommand = {
  name: 'oncall',
  summary: 'Print who is on call now and who takes over next',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, usage);
    const now = await withEngine(values['data-dir'], (engine) => call(engine, 'oncall.now', {}));
    io.out(values.json ? JSON.stringify(now, null, 2) : describe(now));
    return 0;
  },
};

const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

function describe(now: OnCallNow): string {
  const lines = [now.person ? `On call: ${now.person}${now.until ? ` until ${stamp(now.until)}` : ''}` : 'On call: nobody'];
  if (now.next) lines.push(`Next: ${now.next.person} from ${stamp(now.next.from)}`);
  if (now.problem) lines.push(`Note: ${now.problem}`);
  return lines.join('\n');
}
