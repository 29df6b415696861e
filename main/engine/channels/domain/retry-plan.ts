// Back-off for channel deliveries: quick at first (a receiver restarting), then spaced out so a
// long outage is not hammered; after the last attempt the message is given up on and says so.
export const CHANNEL_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000] as const;
export const CHANNEL_MAX_ATTEMPTS = CHANNEL_RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed ones, or null to give up (never for a failure that cannot be helped). */
export function nextAttemptAt(attempts: number, retryable: boolean, now: number): number | null {
  if (!retryable || attempts >= CHANNEL_MAX_ATTEMPTS) return null;
  return now + CHANNEL_RETRY_DELAYS_MS[Math.min(attempts - 1, CHANNEL_RETRY_DELAYS_MS.length - 1)];
}
