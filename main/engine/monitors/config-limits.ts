import { MONITOR_FIELD_LIMITS } from '../../../preload/contract';

/**
 * The longest values a monitor may have in the monitors file: the Monitors window's own limits, so
 * a monitor means the same in both places, and limits for the fields only the file has. CONFIG.md
 * lists them.
 */
export const FIELD_LIMITS = {
  ...MONITOR_FIELD_LIMITS,
  kind: 40,
  headers: 50,
  body: 64 * 1024,
  path: 4096,
  acceptedStatuses: 50,
  statusSpec: 20,
  maxRedirects: 20,
  maxBodyBytes: 16 * 1024 * 1024,
  host: 255,
  command: 4000,
  query: 4000,
  envName: 200,
  username: 200,
} as const;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The range of each duration field; all stay well under the 24.8 days a timer can wait. */
export const DURATION_LIMITS = {
  interval: { min: SECOND, max: 7 * DAY },
  // At most the monitor's own interval as well; config-loader checks that against it.
  'retry-interval': { min: SECOND, max: 7 * DAY },
  // The whole run of one check; a longer one is a job, not a health check.
  timeout: { max: 5 * MINUTE, positive: true },
  jitter: { max: HOUR },
  for: { max: 7 * DAY },
  'reminder-every': { max: 7 * DAY },
} as const;
