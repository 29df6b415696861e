import type { ProcedureInfo } from '../../../preload/contract';
import type { CliCommand } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';

const usage = 'trayage procedures [--json] [--data-dir DIR]';

export const proceduresCommand: CliCommand = {
  name: 'procedures',
  summary: 'List the procedures "trayage run" can run: built-in diagnostics and rollbacks, and the team\'s own',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } }, usage);
    const procedures = await withEngine(values['data-dir'], (engine) => call(engine, 'procedures.list'));
    io.out(values.json ? JSON.stringify(procedures, null, 2) : formatList(procedures));
    return 0;
  },
};

function formatList(procedures: ProcedureInfo[]): string {
  const width = Math.max(...procedures.map((p) => p.id.length));
  return procedures
    .map((p) => {
      const params = p.params
        .map((s) => (s.captured ? `(${s.name}: picked from output)` : s.required && s.default === undefined ? s.name : `[${s.name}]`))
        .join(' ');
      return `${p.id.padEnd(width)}  ${p.kind.padEnd(10)}  ${p.title}${params ? `\n${' '.repeat(width + 2)}params: ${params}` : ''}`;
    })
    .join('\n');
}
