import { z } from 'zod';

// Ordered from best to worst so the aggregate is a max over this list.
export const TRAY_LEVELS = ['ok', 'unknown', 'degraded', 'down'] as const;
export const TrayLevel = z.enum(TRAY_LEVELS);
export type TrayLevel = z.infer<typeof TrayLevel>;

export const TrayIncident = z.object({
  id: z.number().int(),
  title: z.string(),
  severity: z.string(),
  status: z.string(),
  createdAt: z.number(),
});

export const TrayState = z.object({
  level: TrayLevel,
  summary: z.string(),
  openIncidents: z.array(TrayIncident),
});
export type TrayState = z.infer<typeof TrayState>;
