import { useState } from 'react';
import type { NoticeRecord } from '../../../preload/contract';
import { formatDateTime, plural } from '../../../main/shared/time-format';
import { routeOfTarget } from '../../notices/notice-route';
import { useQuery } from '../../store/use-query';
import { useDebounced } from '../../use-debounced';
import { routeToHash } from '../../use-hash-route';
import { QueryStatus } from '../QueryStatus';
import { SeverityBadge } from '../SeverityBadge';
import { describeNoticeState, noticeNeedsAttention } from '../../../main/shared/notice-states';

const PAGE = 100;
const MOST = 1000;
const CHANGES = { refreshOn: { 'notices.changed': true } } as const;

/** Every notice recorded, newest first: what a summary stood for, what was snoozed, what never got through. */
export function NoticesView() {
  const [limit, setLimit] = useState(PAGE);
  const [notShown, setNotShown] = useState(false);
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim(), 200);
  const list = useQuery('notifications.list', { limit, notShown, search }, CHANGES);
  const notices = list.data?.notices ?? [];
  return (
    <section aria-labelledby="notices-heading">
      <header className="toolbar">
        <h1 id="notices-heading">Notices</h1>
        <input
          type="search"
          aria-label="Search notices by title or text"
          placeholder="Search title or text…"
          maxLength={200}
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setLimit(PAGE);
          }}
        />
        <label>
          <input type="checkbox" checked={notShown} onChange={(e) => setNotShown(e.target.checked)} /> Only those not shown
        </label>
        {list.data && (
          <span className="muted">
            {list.data.more ? `the newest ${notices.length}` : plural(notices.length, 'notice')}
            {notShown && ' not shown'}
            {search && ` with “${search}”`}
          </span>
        )}
      </header>
      <QueryStatus query={list} what="the notices" />
      {list.data && notices.length === 0 && (
        <p className="empty">{emptyText(notShown, search)}</p>
      )}
      <ol className="notices" aria-label="Notices, newest first">
        {notices.map((notice) => (
          <NoticeItem key={notice.id} notice={notice} />
        ))}
      </ol>
      {list.data?.more &&
        (limit < MOST ? (
          <button type="button" onClick={() => setLimit(Math.min(MOST, limit + PAGE))}>
            Show older notices
          </button>
        ) : (
          <p className="muted">Only the newest {MOST} are listed: search to find older ones.</p>
        ))}
    </section>
  );
}

function emptyText(notShown: boolean, search: string): string {
  if (search) return `No notices${notShown ? ' not shown' : ''} with “${search}” in their title or text.`;
  return notShown ? 'Every notice has been shown.' : 'No notices yet. Monitors, alerts and incident timers raise them.';
}

function NoticeItem({ notice }: { notice: NoticeRecord }) {
  const route = routeOfTarget(notice.target);
  const warn = noticeNeedsAttention(notice);
  return (
    <li className="notice-item">
      <div className="row">
        {notice.severity && <SeverityBadge severity={notice.severity} />}
        {route ? <a href={routeToHash(route)}>{notice.title}</a> : <strong>{notice.title}</strong>}
        <span className="muted">{formatDateTime(notice.createdAt)}</span>
      </div>
      {notice.body && <div className="notice-body">{notice.body}</div>}
      <div className={warn ? 'warn-text' : 'muted'}>{describeNoticeState(notice)}</div>
    </li>
  );
}
