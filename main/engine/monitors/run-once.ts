import type { CheckResult, MonitorDefinition } from './domain/check-types';
import { createDefaultRegistry, runCheck, type KindRegistry } from './checks/kind-registry';

export interface OnceResult {
  name: string;
  ok: boolean;
  status: number | null;
  responseTimeMs: number;
  error: string | null;
  failedConditions: string[];
}

export interface RunOnceOptions {
  registry?: KindRegistry;
  concurrency?: number;
  now?: () => number;
}

/** Runs every monitor once (paused ones too: the person asked), in config order, for `trayage check`. */
export async function runChecksOnce(monitors: MonitorDefinition[], options: RunOnceOptions = {}): Promise<OnceResult[]> {
  const registry = options.registry ?? createDefaultRegistry();
  const now = options.now ?? Date.now;
  const results: OnceResult[] = new Array(monitors.length);
  let next = 0;
  const worker = async () => {
    while (next < monitors.length) {
      const index = next++;
      results[index] = toOnceResult(monitors[index].name, await runCheck(monitors[index], registry, { now }));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, monitors.length) }, worker));
  } finally {
    if (!options.registry) registry.close();
  }
  return results;
}

function toOnceResult(name: string, result: CheckResult): OnceResult {
  return {
    name,
    ok: result.ok,
    status: result.status ?? null,
    responseTimeMs: result.responseTimeMs,
    error: result.error ?? null,
    failedConditions: result.failedConditions,
  };
}

/** One human line per monitor: `up    heroforge ready  200  123 ms` or `DOWN  api  503  45 ms  [STATUS] was 503, expected 200`. */
export function formatCheckLine(result: OnceResult): string {
  const parts = [result.ok ? 'up  ' : 'DOWN', result.name];
  if (result.status !== null) parts.push(String(result.status));
  parts.push(`${result.responseTimeMs} ms`);
  if (!result.ok) {
    const reasons = result.failedConditions.length > 0 ? result.failedConditions : [result.error ?? 'check failed'];
    parts.push(reasons.join('; '));
  }
  return parts.join('  ');
}
