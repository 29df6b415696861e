import type { IncidentSummary } from '../../../preload/contract';
import type { CliCommand } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
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
    const list = await withEngine(values['data-dir'], (engine) => call(engine, 'incidents.list', { status: values.status ?? 'all', limit: 1000 }));
    io.out(values.json ? JSON.stringify(list, null, 2) : formatTable(list, Date.now()));
    return 0;
  },
};

function formatTable(list: IncidentSummary[], now: number): string {
  if (list.length === 0) return 'No incidents.';
  const rows = list.map((i) => [
    `#${i.id}`,
    i.severity,
    i.status,
    formatAge(now - i.createdAt),
    i.checklist.total ? `${i.checklist.done}/${i.checklist.total}` : '-',
    i.timers[0] ? `${i.timers[0].kind} ${i.timers[0].dueAt <= now ? 'overdue' : `in ${formatAge(i.timers[0].dueAt - now)}`}` : '-',
    i.title,
  ]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c]) : cell)).join('  ')).join('\n');
}
