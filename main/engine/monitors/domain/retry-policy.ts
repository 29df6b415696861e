import type { MonitorDefinition } from './check-types';
import type { MonitorState } from './monitor-state';

/**
 * A failing check is confirmed this soon by default instead of a whole interval later: at a 20 s
 * interval and a failure threshold of 2, an outage is announced about 5 s after the first failed
 * check rather than 20–40 s. The threshold still lets a single failed check pass unannounced.
 */
export const DEFAULT_RETRY_INTERVAL_MS = 5_000;

/** The retry interval of a monitor: as configured, else the default, never longer than its interval. */
export function retryIntervalFor(monitor: Pick<MonitorDefinition, 'intervalMs' | 'retryIntervalMs'>): number {
  return Math.min(monitor.retryIntervalMs ?? DEFAULT_RETRY_INTERVAL_MS, monitor.intervalMs);
}

/**
 * How soon to check again after a result, or undefined for the regular interval: only while a
 * failing streak has not yet reached the failure threshold. Once the threshold is reached and only
 * `for:` is still waiting, the regular interval resumes: `for:` asks for time, not for more checks.
 *
 * `awaitsOthers`: the failure may mean this machine is offline (DNS, unreachable, timeout) and only
 * the other monitors failing the same way can tell; a retry would confirm it before they are checked
 * and page for every service when the laptop loses its network, so it waits for the interval.
 */
export function retryDelayMs(
  state: MonitorState,
  monitor: Pick<MonitorDefinition, 'intervalMs' | 'retryIntervalMs' | 'failureThreshold'>,
  awaitsOthers = false,
): number | undefined {
  if (state.status !== 'pending' || awaitsOthers) return undefined;
  if (state.consecutiveFailures === 0 || state.consecutiveFailures >= monitor.failureThreshold) return undefined;
  return retryIntervalFor(monitor);
}
