import { z } from 'zod';

export const monitorEvents = {
  // Results arrived or monitors changed: fetch monitors.list again. Routine results are announced at
  // most every few seconds; statusChanged (down, up, paused, config reloaded) comes at once.
  'monitors.changed': z.object({ statusChanged: z.boolean() }),
} as const;
