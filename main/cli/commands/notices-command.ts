import type { NoticeRecord } from '../../../preload/contract';
import { describeNoticeState } from '../../shared/notice-states';
import { formatCompactAge } from '../../shared/time-format';
import { type CliCommand, UsageError } from '../cli-types';
import { call } from '../engine-call';
import { withEngine } from '../open-engine';
import { parseFlags } from '../parse-flags';
import { textTable } from '../text-table';

const usage = 'trayage notices [--json] [--limit N] [--not-shown] [--search TEXT] [--data-dir DIR]';
const MOST = 1000;

export const noticesCommand: CliCommand = {
  name: 'notices',
  summary: 'List the notices raised, newest first, and what became of each (shown, summed up, snoozed, not shown and why)',
  usage,
  async run(args, io) {
    const { values } = parseFlags(args, { json: { type: 'boolean' }, limit: { type: 'string' }, 'not-shown': { type: 'boolean' }, search: { type: 'string' }, 'data-dir': { type: 'string' } }, usage);
    const limit = values.limit === undefined ? 50 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MOST) throw new UsageError(`--limit must be a whole number from 1 to ${MOST}, not '${values.limit}'.`, usage);
    const notShown = values['not-shown'] === true;
    const search = values.search ?? '';
    if (search.length > 200) throw new UsageError(`--search is at most 200 characters, not ${search.length}.`, usage);
    const list = await withEngine(values['data-dir'], (engine) => call(engine, 'notifications.list', { limit, notShown, search }));
    io.out(values.json ? JSON.stringify(list.notices, null, 2) : formatTable(list.notices, list.more, { notShown, search: search.trim() }, Date.now()));
    return 0;
  },
};

function formatTable(notices: NoticeRecord[], more: boolean, filter: { notShown: boolean; search: string }, now: number): string {
  if (notices.length === 0) {
    if (filter.search) return `No notices${filter.notShown ? ' not shown' : ''} with '${filter.search}' in their title or text.`;
    return filter.notShown ? 'Every notice has been shown.' : 'No notices.';
  }
  const table = textTable(notices.map((n) => [formatCompactAge(now - n.createdAt), n.severity ?? '-', n.title, describeNoticeState(n)]));
  if (!more) return table;
  return `${table}\n(the newest ${notices.length}${notices.length < MOST ? `; --limit ${MOST} lists more` : ''})`;
}
