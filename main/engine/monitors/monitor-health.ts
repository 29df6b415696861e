import type { MonitorRuntime } from './monitor-runtime';
import type { MonitorHealth } from './monitors-port';

// A monitor that is not up is asked to check again at once, so a verify-health deadline is not
// spent waiting for its schedule; the next poll of the caller sees the fresh result.
export function monitorHealth(runtime: MonitorRuntime, name: string): MonitorHealth {
  // One monitor's row, not every monitor's with its sparkline: a poll stays cheap among thousands.
  const entry = runtime.catalog.byName(name);
  if (!entry) {
    const names = runtime.catalog.inNameOrder().map((m) => `"${m.name}"`).join(', ') || 'none';
    return { healthy: false, detail: `there is no monitor named "${name}" (monitors: ${names})` };
  }
  const monitor = runtime.summary(entry.id);
  if (monitor.status !== 'up' && runtime.running && runtime.catalog.require(monitor.id).definition) runtime.service.checkNow(monitor.name);
  const why = monitor.status !== 'up' && monitor.lastError ? `: ${monitor.lastError}` : '';
  return { healthy: monitor.status === 'up', detail: `monitor "${monitor.name}" is ${monitor.status}${why}` };
}
