import type { MonitorsPort } from '../monitors/monitors-port';
import { probeUrl, type HealthCheck } from './verify-health';

// Health for verify-health steps: a URL is probed directly; a monitor is asked through the monitors area.
export function verifyHealthCheck(monitors: MonitorsPort): HealthCheck {
  return async (target, signal) => (target.url ? probeUrl(target.url, signal) : monitors.health(target.monitor ?? ''));
}
