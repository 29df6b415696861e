import net from 'node:net';
import { FieldError, type CheckContext, type MonitorDefinition, type MonitorKind, type Probe } from '../domain/check-types';
import { hostPort, urlField } from '../../lib/config/config-fields';
import { FIELD_LIMITS } from '../config-limits';
import { CheckFailure, classifyError } from './error-classify';
import type { ReportsFacts } from './kind-facts';

export interface TcpSettings {
  host: string;
  port: number;
}

/** Opens a TCP connection and closes it at once; `[CONNECTED] == true` is implied by success. */
export function tcpProbe(monitor: MonitorDefinition<TcpSettings>, ctx: CheckContext): Promise<Probe> {
  const { host, port } = monitor.settings;
  const checkedAt = ctx.now();
  const started = performance.now();
  return new Promise<Probe>((resolve) => {
    const socket = net.connect({ host, port });
    const finish = (probe: Omit<Probe, 'checkedAt' | 'responseTimeMs'>) => {
      clearTimeout(deadline);
      socket.removeAllListeners('connect');
      socket.on('error', () => {});
      socket.destroy();
      resolve({ checkedAt, responseTimeMs: Math.round(performance.now() - started), ...probe });
    };
    const deadline = setTimeout(() => {
      finish({ connected: false, ...classifyError(new CheckFailure('timeout', `timed out after ${monitor.timeoutMs} ms while connecting to ${host}:${port}`), host, port) });
    }, monitor.timeoutMs);
    socket.once('connect', () => finish({ connected: true }));
    socket.once('error', (err) => finish({ connected: false, ...classifyError(err, host, port) }));
  });
}

/** TCP monitors: `url: tcp://host:port`. */
export function tcpKind(): MonitorKind<TcpSettings> & ReportsFacts<TcpSettings> {
  return {
    kind: 'tcp',
    schemes: ['tcp'],
    fields: { url: urlField(['tcp'], FIELD_LIMITS.url) },
    build(values) {
      const target = hostPort(values.url as URL);
      if (!target) throw new FieldError('url', `'${(values.url as URL).href}' needs a host and a port, e.g. tcp://db.internal:5432`);
      return { settings: target, target: `tcp://${target.host}:${target.port}` };
    },
    reports: () => ({ facts: ['connected'] }),
    probe: tcpProbe,
  };
}
