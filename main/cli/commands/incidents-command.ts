import type { IncidentSummary } from '../../../preload/contract';
import type { CliCommand } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';
import { textTable } from '../text-table';
import { formatCompactAge } from '../../shared/time-format';

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
    formatCompactAge(now - i.createdAt),
    i.checklist.total ? `${i.checklist.done}/${i.checklist.total}` : '-',
    i.timers[0] ? `${i.timers[0].kind} ${i.timers[0].dueAt <= now ? 'overdue' : `in ${formatCompactAge(i.timers[0].dueAt - now)}`}` : '-',
    i.title,
  ]);
  return textTable(rows);
}
