import type { NoticeRecord, NoticeState, TrayTarget } from '../../../preload/contract';
import { BROWSER_TARGET, type NoticeHistoryRow } from './outbox-store';

/** A recorded notice as the Notices list and `trayage notices` show it. */
export function noticeRecord(row: NoticeHistoryRow): NoticeRecord {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    severity: row.severity,
    target: row.target ? (JSON.parse(row.target) as TrayTarget) : null,
    createdAt: row.created_at,
    shownAt: row.sent_at,
    state: stateOf(row),
    summaryOf: row.summary_size,
    reason: row.last_error,
  };
}

function stateOf(row: NoticeHistoryRow): NoticeState {
  if (row.suppressed !== null) return 'snoozed';
  const forWindow = row.claimed_by === BROWSER_TARGET;
  if (row.sent_at !== null) return forWindow ? 'shown-in-window' : row.summary_size !== null ? 'summed-up' : 'shown';
  if (forWindow) return 'for-window';
  // A failed attempt with no retry set is one given up on; one never tried has its first attempt set.
  if (row.next_attempt_at === null) return 'not-delivered';
  return row.last_error !== null ? 'retrying' : 'waiting';
}
