import { z } from 'zod';
import { TrayTarget } from './tray';

const NoParams = z.object({}).strict().default({});

// A notice for the browser pages: raised while no desktop notification daemon was reachable.
export const Notice = z.object({
  // The outbox row; a page acknowledges it by this id once shown.
  id: z.number().int().positive(),
  // Stable per event: the same key is the same notice.
  key: z.string(),
  title: z.string(),
  body: z.string(),
  severity: z.string().nullable(),
  target: TrayTarget.nullable(),
  // From the sounds setting for its severity: whether the page plays a sound with it.
  sound: z.boolean(),
  createdAt: z.number(),
});
export type Notice = z.infer<typeof Notice>;

// How far a recorded notice got; see NoticeRecord.
export const NoticeState = z.enum(['shown', 'summed-up', 'shown-in-window', 'for-window', 'snoozed', 'waiting', 'retrying', 'not-delivered']);
export type NoticeState = z.infer<typeof NoticeState>;

// A notice as the Notices list shows it: every notice recorded, whether shown, summed up or held back.
export const NoticeRecord = z.object({
  id: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  severity: z.string().nullable(),
  target: TrayTarget.nullable(),
  createdAt: z.number(),
  // When it was shown (on the desktop, alone or in a summary, or by a page); null while it is not.
  shownAt: z.number().nullable(),
  state: NoticeState,
  // How many notices the summary it was shown in stood for; null when shown alone.
  summaryOf: z.number().int().nullable(),
  // Why the desktop did not show it (the last failure, or why it went to the pages instead).
  reason: z.string().nullable(),
});
export type NoticeRecord = z.infer<typeof NoticeRecord>;

export const noticeEvents = {
  notice: Notice,
  // A notice was recorded or delivered: the Notices list is out of date.
  'notices.changed': z.object({}).strict(),
} as const;

export const noticeMethods = {
  // Browser notices no page has acknowledged yet (the last day's, oldest first): shown when a page connects.
  'notifications.pending': { params: NoParams, result: z.array(Notice) },
  // The newest notices recorded, newest first; `more` when older ones exist beyond `limit`.
  // `notShown`: only those no one has seen yet (waiting, retrying, given up, snoozed, for a window).
  // `search`: only those with this text in their title or body.
  'notifications.list': {
    params: z
      .object({ limit: z.number().int().min(1).max(1000).default(100), notShown: z.boolean().default(false), search: z.string().max(200).default('') })
      .strict()
      .prefault({}),
    result: z.object({ notices: z.array(NoticeRecord), more: z.boolean() }),
  },
  // The page showed these; no page is given them again.
  'notifications.acknowledge': {
    params: z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
    result: z.object({ acknowledged: z.number().int() }),
  },
} as const;
