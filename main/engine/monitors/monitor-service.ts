import { NETWORK_ERROR_KINDS, type CheckResult, type MonitorDefinition } from './domain/check-types';
import { runCheck, type KindRegistry } from './checks/kind-registry';
import {
  applyResult,
  forgetStreak,
  initialState,
  pauseState,
  policyFor,
  restoreState,
  resumeState,
  type MonitorState,
  type StateEvent,
} from './domain/monitor-state';
import { OfflineDetector } from './offline-detector';
import { systemClock, type SchedulerClock } from './clock';
import { Scheduler, type RunOutcome, type SchedulerStats } from './scheduler';
import { retryDelayMs } from './domain/retry-policy';

export type MonitorEvent = StateEvent & { monitor: string; target: string; severity?: string; service?: string };

export type MonitorServiceEvent =
  | MonitorEvent
  | { type: 'offline'; at: number }
  | { type: 'online'; at: number; offlineForMs: number }
  | { type: 'resumed'; at: number; sleptMs: number };

export interface ResultContext {
  /** True when the result was taken while this machine was offline or waking up; it did not change the state. */
  offline: boolean;
}

export interface MonitorServiceOptions {
  registry: KindRegistry;
  clock?: SchedulerClock;
  maxConcurrent?: number;
  /** Stored states by monitor name, as saved from `onResult`/`states()`. */
  savedStates?: Record<string, unknown>;
  connectivityProbe?: () => Promise<boolean>;
  /** After sleep, network failures are ignored this long while Wi-Fi and VPN come back. */
  resumeGraceMs?: number;
  gapThresholdMs?: number;
  /** Grid that due times are rounded to, so checks due together share one wake-up (see Scheduler). */
  tickMs?: number;
  onResult?: (monitor: MonitorDefinition, result: CheckResult, state: MonitorState, context: ResultContext) => void;
  onEvent?: (event: MonitorServiceEvent) => void;
  /** A scheduled run that failed in Trayage itself (not a failed check), reported where the engine reports its faults. */
  onError?: (monitor: string, err: unknown) => void;
}

/** Ties scheduler, checkers, state machine and offline detection together for the engine. */
export class MonitorService {
  private readonly monitors = new Map<string, MonitorDefinition>();
  private readonly stateByName = new Map<string, MonitorState>();
  private readonly pausedByConfig = new Set<string>();
  private readonly scheduler: Scheduler;
  private readonly offline: OfflineDetector;
  private readonly clock: SchedulerClock;
  private graceUntil = 0;

  constructor(private readonly options: MonitorServiceOptions) {
    this.clock = options.clock ?? systemClock;
    for (const [name, stored] of Object.entries(options.savedStates ?? {})) this.stateByName.set(name, restoreState(stored));
    this.offline = new OfflineDetector({ now: this.clock.now, probe: options.connectivityProbe });
    this.scheduler = new Scheduler({
      run: (name) => this.run(name),
      maxConcurrent: options.maxConcurrent,
      clock: this.clock,
      gapThresholdMs: options.gapThresholdMs,
      tickMs: options.tickMs,
      onGap: (gapMs) => this.resumedAfter(gapMs),
      onError: options.onError,
    });
  }

  /**
   * Applies a (re)loaded config: new monitors start, changed ones restart, removed ones stop.
   * Returns the monitors the file paused or resumed, which were running or paused before.
   */
  setMonitors(definitions: MonitorDefinition[]): { paused: string[]; resumed: string[] } {
    const changed = { paused: [] as string[], resumed: [] as string[] };
    const names = new Set(definitions.map((d) => d.name));
    for (const name of this.monitors.keys()) {
      if (!names.has(name)) {
        this.stateByName.delete(name);
        this.pausedByConfig.delete(name);
        this.offline.forget(name);
      }
    }
    this.monitors.clear();
    for (const definition of definitions) {
      const { name } = definition;
      this.monitors.set(name, definition);
      const before = this.stateByName.get(name);
      let state = before ?? initialState();
      // `paused: true` in the file pauses; removing it resumes. A pause from the UI survives reloads.
      if (definition.paused) {
        state = pauseState(state);
        this.pausedByConfig.add(name);
      } else if (this.pausedByConfig.delete(name)) {
        state = resumeState(state);
      }
      // A monitor new to this engine has no state to change from: starting paused is no event.
      if (before && (before.status === 'paused') !== (state.status === 'paused')) (state.status === 'paused' ? changed.paused : changed.resumed).push(name);
      this.stateByName.set(name, state);
    }
    this.reschedule();
    return changed;
  }

  start(): void {
    this.scheduler.start();
  }

  stop(): Promise<void> {
    return this.scheduler.stop();
  }

  pause(name: string): MonitorState | undefined {
    return this.updateState(name, pauseState);
  }

  resume(name: string): MonitorState | undefined {
    return this.updateState(name, resumeState);
  }

  checkNow(name: string): void {
    this.scheduler.runNow(name);
  }

  state(name: string): MonitorState | undefined {
    return this.stateByName.get(name);
  }

  states(): Record<string, MonitorState> {
    return Object.fromEntries(this.stateByName);
  }

  get isOffline(): boolean {
    return this.offline.offline;
  }

  stats(): SchedulerStats {
    return this.scheduler.stats();
  }

  resetStats(): void {
    this.scheduler.resetStats();
  }

  private updateState(name: string, change: (state: MonitorState) => MonitorState): MonitorState | undefined {
    const state = this.stateByName.get(name);
    if (!state || !this.monitors.has(name)) return undefined;
    const next = change(state);
    this.stateByName.set(name, next);
    this.reschedule();
    return next;
  }

  private reschedule(): void {
    const jobs = [];
    for (const monitor of this.monitors.values()) {
      if (this.stateByName.get(monitor.name)?.status === 'paused') continue;
      jobs.push({ id: monitor.name, intervalMs: monitor.intervalMs, jitterMs: monitor.jitterMs, version: monitor.fingerprint });
    }
    this.scheduler.set(jobs);
  }

  private async run(name: string): Promise<RunOutcome | void> {
    const monitor = this.monitors.get(name);
    if (!monitor) return;
    const result = await runCheck(monitor, this.options.registry, { now: this.clock.now });
    // The config may have been reloaded while the check ran; a result for an old definition is dropped.
    if (this.monitors.get(name) !== monitor) return;
    const verdict = await this.offline.assess(name, result);
    if (verdict.changed === 'offline') {
      this.emit({ type: 'offline', at: this.clock.now() });
      for (const [n, s] of this.stateByName) this.stateByName.set(n, forgetStreak(s));
    } else if (verdict.changed === 'online') {
      this.emit({ type: 'online', at: this.clock.now(), offlineForMs: verdict.offlineForMs ?? 0 });
    }
    const previous = this.stateByName.get(name) ?? initialState();
    if (previous.status === 'paused') return;
    const waking = !result.ok && this.clock.now() < this.graceUntil;
    if (verdict.offline || waking) {
      this.options.onResult?.(monitor, result, previous, { offline: true });
      return;
    }
    const { state, events } = applyResult(previous, result, policyFor(monitor), this.clock.now());
    this.stateByName.set(name, state);
    this.options.onResult?.(monitor, result, state, { offline: false });
    for (const event of events) {
      this.emit({ ...event, monitor: monitor.name, target: monitor.target, severity: monitor.severity, service: monitor.service });
    }
    // Without a connectivity probe only the other monitors can tell a dead network from a dead service.
    const awaitsOthers = !this.options.connectivityProbe && result.errorKind !== undefined && NETWORK_ERROR_KINDS.has(result.errorKind);
    const retryInMs = retryDelayMs(state, monitor, awaitsOthers);
    return retryInMs === undefined ? undefined : { retryInMs };
  }

  private resumedAfter(gapMs: number): void {
    const now = this.clock.now();
    this.graceUntil = now + (this.options.resumeGraceMs ?? 30_000);
    for (const [name, state] of this.stateByName) this.stateByName.set(name, forgetStreak(state));
    this.emit({ type: 'resumed', at: now, sleptMs: gapMs });
  }

  private emit(event: MonitorServiceEvent): void {
    this.options.onEvent?.(event);
  }
}
