import type { CheckResult, MonitorDefinition, Probe } from './check-types';
import { bodyJson, evaluate, needsJson } from './condition-eval';

const EXCERPT_CHARS = 500;

/**
 * Applies a monitor's conditions to what its checker saw. Pure: the same probe always gives the
 * same result, so every decision here is unit-tested without a network.
 */
export function judgeProbe(monitor: MonitorDefinition, probe: Probe): CheckResult {
  const failedConditions: string[] = [];
  let { error, errorKind } = probe;
  // Without a response there is nothing for conditions to read; the transport error says it all.
  const evaluateConditions = error === undefined || errorKind === 'status';
  if (evaluateConditions) {
    for (const condition of monitor.conditions) {
      const outcome = evaluate(condition, probe);
      if (!outcome.ok) failedConditions.push(outcome.description);
    }
    if (error === undefined && failedConditions.length > 0) {
      const parsed = monitor.conditions.some(needsJson) ? bodyJson(probe) : undefined;
      if (parsed && !parsed.ok) {
        errorKind = 'invalid-json';
        error = parsed.error;
      } else {
        errorKind = 'condition';
        error = failedConditions.length > 1 ? `${failedConditions[0]} (and ${failedConditions.length - 1} more)` : failedConditions[0];
      }
    }
  }
  const ok = error === undefined;
  const result: CheckResult = {
    monitor: monitor.name,
    ok,
    checkedAt: probe.checkedAt,
    responseTimeMs: probe.responseTimeMs,
    failedConditions,
  };
  if (probe.status !== undefined) result.status = probe.status;
  if (error !== undefined) result.error = error;
  if (errorKind !== undefined && !ok) result.errorKind = errorKind;
  if (probe.certificate) result.certificate = probe.certificate;
  if (probe.certificateExpiresAt !== undefined) result.certificateExpiresAt = probe.certificateExpiresAt;
  if (probe.connected !== undefined) result.connected = probe.connected;
  if (probe.value !== undefined) result.value = probe.value;
  if (probe.series) result.series = probe.series;
  if (!ok && probe.body) result.bodyExcerpt = probe.body.length > EXCERPT_CHARS ? `${probe.body.slice(0, EXCERPT_CHARS)}...` : probe.body;
  return result;
}
