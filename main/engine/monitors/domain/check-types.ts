import type { z } from 'zod';
import type { Condition, ConditionInput } from './condition-types';

/** Why a run failed, in categories a person can act on. */
export type ErrorKind =
  | 'dns'
  | 'refused'
  | 'reset'
  | 'unreachable'
  | 'timeout'
  | 'tls-expired'
  | 'tls-not-yet-valid'
  | 'tls-self-signed'
  | 'tls-hostname'
  | 'tls-untrusted'
  | 'tls'
  | 'protocol'
  | 'body-too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'invalid-json'
  | 'status'
  | 'condition'
  | 'host-key'
  | 'auth'
  | 'ssh'
  | 'internal';

/** Failures that say more about this machine's network than about the monitored service. */
export const NETWORK_ERROR_KINDS: ReadonlySet<ErrorKind> = new Set(['dns', 'unreachable', 'timeout']);

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: number;
  expiresAt: number;
  daysLeft: number;
}

/** One time series of a query result (Prometheus), judged on its own. */
export interface SeriesValue {
  labels: Record<string, string>;
  value: number;
  ok: boolean;
}

/** Facts one checker gathered in one run, before conditions are applied. */
export interface Probe extends ConditionInput {
  error?: string;
  errorKind?: ErrorKind;
  certificate?: CertificateInfo;
  series?: SeriesValue[];
}

export interface CheckResult {
  monitor: string;
  ok: boolean;
  checkedAt: number;
  responseTimeMs: number;
  status?: number;
  error?: string;
  errorKind?: ErrorKind;
  failedConditions: string[];
  certificateExpiresAt?: number;
  certificate?: CertificateInfo;
  connected?: boolean;
  value?: number;
  series?: SeriesValue[];
  /** Start of the body of a failed run, for the person reading the notification. */
  bodyExcerpt?: string;
}

export interface MonitorDefinition<S = unknown> {
  name: string;
  kind: string;
  /** What is checked, for display: a URL, host:port or query. */
  target: string;
  intervalMs: number;
  /**
   * After a failed check that has not yet reached the failure threshold, the next check comes this
   * soon; unset means the default (see retry-policy.ts), never longer than the interval.
   */
  retryIntervalMs?: number;
  timeoutMs: number;
  jitterMs: number;
  conditions: Condition[];
  failureThreshold: number;
  recoveryThreshold: number;
  forMs: number;
  /** 0 means no reminders while down. */
  reminderEveryMs: number;
  severity?: string;
  service?: string;
  paused: boolean;
  settings: S;
  /** Changes whenever anything about the monitor changes; the scheduler restarts it then. */
  fingerprint: string;
}

export interface CheckContext {
  now: () => number;
}

export interface KindSettings<S> {
  settings: S;
  target: string;
  /** What the monitor must satisfy when its entry lists no conditions, e.g. `[EXIT_CODE] == 0`. */
  defaultConditions?: Condition[];
}

/**
 * One pluggable kind of monitor. The config loader validates `fields` (extra YAML keys of the kind)
 * and calls `build`; the runner calls `probe`.
 */
export interface MonitorKind<S = unknown> {
  kind: string;
  /** URL schemes that select this kind when `kind:` is not written, e.g. ['http', 'https']. */
  schemes?: string[];
  /** Selects this kind from other keys, e.g. a `prometheus:` key. */
  selects?: (raw: Record<string, unknown>) => boolean;
  fields: z.ZodRawShape;
  /**
   * Turns validated YAML values into settings; throws a FieldError for a value that is well-typed
   * but unusable. `baseDir` is the config file's folder, for relative paths.
   */
  build(values: Record<string, unknown>, conditions: Condition[], baseDir: string): KindSettings<S>;
  probe(monitor: MonitorDefinition<S>, ctx: CheckContext): Promise<Probe>;
  close?(): void;
}

/** A problem with one field of a monitor, found after schema validation. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FieldError';
  }
}
