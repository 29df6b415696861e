import type { MonitorStatus } from '../../../preload/contract';
import { MONITOR_URGENCY } from '../../../preload/contract/plain-values';

export const STATUS_LABEL: Record<MonitorStatus, string> = {
  down: 'Down',
  pending: 'Failing',
  up: 'Up',
  paused: 'Paused',
  unknown: 'Unknown',
};

// Worst first, so what needs attention is at the top of the list.
export const STATUS_ORDER: readonly MonitorStatus[] = MONITOR_URGENCY;

export function formatUptime(uptime: number | null): string {
  if (uptime === null) return '—';
  if (uptime === 1) return '100 %';
  return `${(Math.floor(uptime * 10_000) / 100).toFixed(2)} %`;
}

export function formatMs(ms: number | null): string {
  return ms === null ? '—' : `${Math.round(ms)} ms`;
}
