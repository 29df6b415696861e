import type { Incident } from '../../../preload/contract';
import { createEngine } from '../../engine/engine';
import { defaultDataDir } from '../../engine/paths';
import type { CliCommand } from '../cli-types';
import { call } from '../engine-call';
import { parseFlags } from '../parse-flags';
import { formatAge } from '../../shared/format-age';

const usage = 'trayage incidents [--json] [--status open|all|STATUS] [--data-dir DIR]';

export const incidentsCommand: CliCommand = {
  name: 'incidents',
  summary: 'List incidents, newest first',
  usage,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { json: { type: 'boolean' }, status: { type: 'string' }, 'data-dir': { type: 'string' } },
      usage,
    );
    const engine = createEngine({ dataDir: values['data-dir'] ?? defaultDataDir() });
    try {
      const list = await call(engine, 'incidents.list', { status: values.status ?? 'all', limit: 1000 });
      io.out(values.json ? JSON.stringify(list, null, 2) : formatTable(list, Date.now()));
      return 0;
    } finally {
      engine.close();
    }
  },
};

function formatTable(list: Incident[], now: number): string {
  if (list.length === 0) return 'No incidents.';
  const rows = list.map((i) => [`#${i.id}`, i.severity, i.status, formatAge(now - i.createdAt), i.title]);
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]) : cell)).join('  ')).join('\n');
}
