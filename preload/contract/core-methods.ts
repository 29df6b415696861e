import { z } from 'zod';
import { TrayState } from './tray';

const NoParams = z.object({}).strict().default({});

export const AppInfo = z.object({
  version: z.string(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  actor: z.string(),
  // False when another engine on the same data directory runs the monitors, sources, timers and notices.
  background: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const coreMethods = {
  'app.info': { params: NoParams, result: AppInfo },
  'tray.state': { params: NoParams, result: TrayState },
} as const;
