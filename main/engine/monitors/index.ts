export { parseCondition } from './domain/condition-parser';
export { evaluate } from './domain/condition-eval';
export { ConditionError, type Condition, type ConditionInput, type ConditionOutcome } from './domain/condition-types';
export { parseDuration, formatDuration } from '../lib/config/duration';
export {
  FieldError,
  NETWORK_ERROR_KINDS,
  type CertificateInfo,
  type CheckContext,
  type CheckResult,
  type ErrorKind,
  type MonitorDefinition,
  type MonitorKind,
  type Probe,
  type SeriesValue,
} from './domain/check-types';
export { KindRegistry, createDefaultRegistry, runCheck } from './checks/kind-registry';
export { judgeProbe } from './domain/judge';
export { HttpConnectionPool } from './checks/http1/connection-pool';
export { ConfigError, type ConfigIssue } from '../lib/config/config-errors';
export { loadMonitorConfig, parseMonitorConfig, MONITOR_DEFAULTS, type MonitorConfig } from './config-loader';
export { watchConfig, type ConfigWatcher } from './config-watch';
export {
  applyResult,
  initialState,
  pauseState,
  resumeState,
  forgetStreak,
  policyFor,
  restoreState,
  type MonitorState,
  type MonitorStatus,
  type StateEvent,
  type StatePolicy,
} from './domain/monitor-state';
export { Scheduler, type SchedulerStats, type ScheduledJob } from './scheduler';
export { systemClock, type SchedulerClock } from './clock';
export { OfflineDetector, hasNetworkInterface } from './offline-detector';
export { MonitorService, type MonitorEvent, type MonitorServiceEvent, type MonitorServiceOptions, type ResultContext } from './monitor-service';
export { runChecksOnce, formatCheckLine, type OnceResult } from './run-once';
