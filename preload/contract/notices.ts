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

export const noticeEvents = {
  notice: Notice,
} as const;

export const noticeMethods = {
  // Browser notices no page has acknowledged yet (the last day's, oldest first): shown when a page connects.
  'notifications.pending': { params: NoParams, result: z.array(Notice) },
  // The page showed these; no page is given them again.
  'notifications.acknowledge': {
    params: z.object({ ids: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
    result: z.object({ acknowledged: z.number().int() }),
  },
} as const;
