// The states of preload/contract's NoticeState, spelled out here: shared helpers import nothing but each other.
export type NoticeStateName = 'shown' | 'summed-up' | 'shown-in-window' | 'for-window' | 'snoozed' | 'waiting' | 'retrying' | 'not-delivered';

interface NoticeOutcome {
  state: NoticeStateName;
  summaryOf: number | null;
  reason: string | null;
}

/** What became of a notice, in a line: shown where, summed up with how many, or why not shown. */
export function describeNoticeState(notice: NoticeOutcome): string {
  const why = notice.reason ? `: ${notice.reason}` : '';
  switch (notice.state) {
    case 'shown':
      return 'Shown on the desktop';
    case 'summed-up':
      return `Shown in a summary of ${notice.summaryOf} notices`;
    case 'shown-in-window':
      return 'Shown in a Trayage window';
    case 'for-window':
      return `Waiting for a Trayage window to be opened${why}`;
    case 'snoozed':
      return 'Snoozed: recorded, not shown';
    case 'waiting':
      return 'Waiting to be shown';
    case 'retrying':
      return `Not shown yet, trying again${why}`;
    case 'not-delivered':
      return `Not shown, given up after repeated failures${why}`;
  }
}

/** Whether the line is a warning: the notice has not reached anyone. */
export function noticeNeedsAttention(notice: Pick<NoticeOutcome, 'state'>): boolean {
  return notice.state === 'retrying' || notice.state === 'not-delivered' || notice.state === 'for-window';
}
