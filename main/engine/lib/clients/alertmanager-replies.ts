import { z } from 'zod';

// The parts of Alertmanager's /api/v2 replies that Trayage reads, and nothing more: other fields may
// change between versions without breaking a poll.
export const AmAlert = z.object({
  fingerprint: z.string(),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  startsAt: z.string(),
  status: z.object({ silencedBy: z.array(z.string()), inhibitedBy: z.array(z.string()) }),
});
export type AmAlert = z.infer<typeof AmAlert>;

export const AmAlerts = z.array(AmAlert);

export const SilenceMatcher = z.object({ name: z.string(), value: z.string(), isRegex: z.boolean(), isEqual: z.boolean() });
export type SilenceMatcher = z.infer<typeof SilenceMatcher>;

export const NewSilence = z.object({
  matchers: z.array(SilenceMatcher),
  startsAt: z.string(),
  endsAt: z.string(),
  createdBy: z.string(),
  comment: z.string(),
});
export type NewSilence = z.infer<typeof NewSilence>;

export const AmSilence = NewSilence.extend({
  id: z.string(),
  status: z.object({ state: z.enum(['active', 'pending', 'expired']) }),
});
export type AmSilence = z.infer<typeof AmSilence>;

export const CreatedSilence = z.object({ silenceID: z.string() });

export const ALERTMANAGER_API = 'an Alertmanager v2 API';
