import type { CheckContext, CheckResult, MonitorDefinition, MonitorKind } from '../domain/check-types';
import { HttpConnectionPool } from './http1/connection-pool';
import { httpKind } from './http-kind';
import { judgeProbe } from '../domain/judge';
import { tcpKind } from './tcp-check';
import { tlsKind } from './tls-check';
import { prometheusKind } from './prometheus-kind';
import { sshKind, type SshSource } from './ssh-kind';

/** The monitor kinds the engine knows, by the name written in `kind:`. */
export class KindRegistry {
  private readonly kinds = new Map<string, MonitorKind<any>>();

  register(kind: MonitorKind<any>): this {
    if (this.kinds.has(kind.kind)) throw new Error(`monitor kind '${kind.kind}' is registered twice`);
    this.kinds.set(kind.kind, kind);
    return this;
  }

  get(kind: string): MonitorKind<unknown> | undefined {
    return this.kinds.get(kind);
  }

  names(): string[] {
    return [...this.kinds.keys()];
  }

  all(): MonitorKind<unknown>[] {
    return [...this.kinds.values()];
  }

  /** Closes pooled connections, e.g. when the engine stops. */
  close(): void {
    for (const kind of this.kinds.values()) kind.close?.();
  }
}

export interface KindDependencies {
  connections?: HttpConnectionPool;
  /** SSH connections for `kind: ssh`; without them SSH monitors are down with the reason. */
  ssh?: SshSource;
}

export function createDefaultRegistry({ connections = new HttpConnectionPool(), ssh }: KindDependencies = {}): KindRegistry {
  // One line per kind.
  return new KindRegistry()
    .register(httpKind(connections))
    .register(tlsKind())
    .register(tcpKind())
    .register(prometheusKind())
    .register(sshKind(ssh));
}

/** Runs one check end to end; never throws, so one broken checker cannot stop the scheduler. */
export async function runCheck(monitor: MonitorDefinition, registry: KindRegistry, ctx: CheckContext): Promise<CheckResult> {
  const kind = registry.get(monitor.kind);
  if (!kind) {
    return internalFailure(monitor, ctx, `monitor kind '${monitor.kind}' is not available in this version`);
  }
  try {
    return judgeProbe(monitor, await kind.probe(monitor, ctx));
  } catch (err) {
    return internalFailure(monitor, ctx, `the ${monitor.kind} check failed unexpectedly: ${(err as Error).message}`);
  }
}

function internalFailure(monitor: MonitorDefinition, ctx: CheckContext, error: string): CheckResult {
  return { monitor: monitor.name, ok: false, checkedAt: ctx.now(), responseTimeMs: 0, error, errorKind: 'internal', failedConditions: [] };
}
