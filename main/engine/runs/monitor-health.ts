import { probeUrl, type HealthCheck } from './verify-health';
import type { RpcRegistry } from '../rpc/rpc-registry';

interface MonitorView {
  id: number;
  name: string;
  status: string;
  lastError: string | null;
}

// Health for verify-health steps: a URL is probed directly; a monitor is read
// through the monitors area's own methods, and asked to check again at once
// while it is not up, so the deadline is not spent waiting for its schedule.
export function verifyHealthCheck(registry: RpcRegistry): HealthCheck {
  return async (target, signal) => {
    if (target.url) return probeUrl(target.url, signal);
    const reply = await registry.dispatch({ id: 'verify-health', method: 'monitors.list', params: {} });
    if ('error' in reply) return { healthy: false, detail: `cannot read the monitors: ${reply.error.message}` };
    const monitors = (reply.result as { monitors: MonitorView[] }).monitors;
    const monitor = monitors.find((m) => m.name === target.monitor);
    if (!monitor) {
      const names = monitors.map((m) => `"${m.name}"`).join(', ') || 'none';
      return { healthy: false, detail: `there is no monitor named "${target.monitor}" (monitors: ${names})` };
    }
    if (monitor.status !== 'up') await registry.dispatch({ id: 'verify-health', method: 'monitors.checkNow', params: { id: monitor.id } });
    const why = monitor.status !== 'up' && monitor.lastError ? `: ${monitor.lastError}` : '';
    return { healthy: monitor.status === 'up', detail: `monitor "${monitor.name}" is ${monitor.status}${why}` };
  };
}
