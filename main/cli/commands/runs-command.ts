import type { RunSummary } from '../../../preload/contract';
import { formatCompactAge } from '../../shared/time-format';
import type { CliCommand } from '../cli-types';
import { UsageError } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';
import { textTable } from '../text-table';
import { runRecord } from '../run/run-json';

const usage = 'trayage runs [--json] [--incident ID] [--data-dir DIR]';
// The most runs.list gives in one call.
const NEWEST = 500;

export const runsCommand: CliCommand = {
  name: 'runs',
  summary: 'List the runs kept in the data directory (from the app or "trayage run"), newest first',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { json: { type: 'boolean' }, incident: { type: 'string' }, 'data-dir': { type: 'string' } }, usage);
    const incidentId = values.incident === undefined ? undefined : Number(values.incident);
    if (incidentId !== undefined && !(Number.isInteger(incidentId) && incidentId > 0)) {
      throw new UsageError(`--incident must be an incident number (see trayage incidents), not '${values.incident}'.`, usage);
    }
    await withEngine(values['data-dir'], async (engine) => {
      const runs = await call(engine, 'runs.list', { incidentId, limit: NEWEST });
      if (!values.json) {
        io.out(formatTable(runs, Date.now(), incidentId));
        return;
      }
      const records = [];
      for (const run of runs) records.push(runRecord(await call(engine, 'runs.get', { runId: run.id })));
      io.out(JSON.stringify(records, null, 2));
    });
    return 0;
  },
};

function formatTable(runs: RunSummary[], now: number, incidentId: number | undefined): string {
  if (runs.length === 0) return incidentId === undefined ? 'No runs.' : `No runs for incident #${incidentId}.`;
  const rows = runs.map((r) => [
    `#${r.id}`,
    r.status,
    formatCompactAge(now - r.startedAt),
    r.procedureId,
    r.hosts.join(','),
    r.incidentId === null ? '-' : `incident #${r.incidentId}`,
    r.actor,
    r.title,
  ]);
  return textTable(rows);
}
