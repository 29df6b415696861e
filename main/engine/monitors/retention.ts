import { Retention } from '../../../preload/contract';
import type { SettingsStore } from '../settings/settings-store';

const RETENTION_KEY = 'monitors.retention';

// Sized so 1,000 monitors checked every 20 s stay under 300 MB: raw results are the bulk (about
// 95 MB a day at that rate), minute buckets next; hour and day buckets are small.
export const DEFAULT_RETENTION: Retention = { rawHours: 24, minuteHours: 48, hourDays: 35, dayDays: 400 };

export function readRetention(settings: SettingsStore): Retention {
  return settings.get(RETENTION_KEY, Retention, DEFAULT_RETENTION);
}

export function writeRetention(settings: SettingsStore, retention: Retention): Retention {
  settings.set(RETENTION_KEY, retention);
  return retention;
}
