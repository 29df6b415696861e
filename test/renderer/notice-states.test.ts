import { describe, expect, it } from 'vitest';
import { NoticeState } from '../../preload/contract';
import { describeNoticeState, noticeNeedsAttention } from '../../main/shared/notice-states';

describe('what the Notices list says became of a notice', () => {
  it('gives every state its own line, with the summary size and the reason where there is one', () => {
    const lines = NoticeState.options.map((state) => describeNoticeState({ state, summaryOf: 37, reason: 'the daemon did not answer' }));
    expect(new Set(lines).size).toBe(NoticeState.options.length);
    expect(describeNoticeState({ state: 'summed-up', summaryOf: 37, reason: null })).toBe('Shown in a summary of 37 notices');
    expect(describeNoticeState({ state: 'retrying', summaryOf: null, reason: 'the daemon did not answer' })).toBe('Not shown yet, trying again: the daemon did not answer');
    expect(describeNoticeState({ state: 'not-delivered', summaryOf: null, reason: null })).toBe('Not shown, given up after repeated failures');
  });

  it('marks only notices that have reached no one', () => {
    expect(NoticeState.options.filter((state) => noticeNeedsAttention({ state }))).toEqual(['for-window', 'retrying', 'not-delivered']);
  });
});
