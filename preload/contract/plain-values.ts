// Values of the contract that windows use as data. This module builds no schema, so a window that
// imports only these (and types) does not construct the contract's schemas on its main thread.

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const MONITOR_STATUSES = ['unknown', 'pending', 'up', 'down', 'paused'] as const;

// Worst first: the order of the Monitors window, and of monitors.list's `first` rows.
export const MONITOR_URGENCY: readonly (typeof MONITOR_STATUSES)[number][] = ['down', 'pending', 'unknown', 'paused', 'up'];

export const UPTIME_WINDOWS = ['24h', '7d', '30d', '90d'] as const;
