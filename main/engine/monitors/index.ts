export { parseCondition } from './condition-parser';
export { evaluate } from './condition-eval';
export { ConditionError, type Condition, type ConditionInput, type ConditionOutcome } from './condition-types';
export { parseDuration, formatDuration } from './duration';
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
} from './check-types';
export { KindRegistry, createDefaultRegistry, runCheck } from './kind-registry';
export { judgeProbe } from './judge';
export { AgentPool } from './http-agents';
export { ConfigError, type ConfigIssue } from './config-errors';
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
} from './monitor-state';
export { Scheduler, type SchedulerStats, type ScheduledJob } from './scheduler';
export { systemClock, type SchedulerClock } from './clock';
export { OfflineDetector, hasNetworkInterface } from './offline-detector';
export { MonitorService, type MonitorEvent, type MonitorServiceEvent, type MonitorServiceOptions, type ResultContext } from './monitor-service';
export { runChecksOnce, formatCheckLine, type OnceResult } from './run-once';
