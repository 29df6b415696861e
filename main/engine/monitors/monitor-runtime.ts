import { MONITOR_URGENCY, type MonitorConfigStatus, type MonitorStateChange, type MonitorSummary, type TrayProblem } from '../../../preload/contract';
import type { EngineContext } from '../engine-context';
import type { HostsPort } from '../hosts/hosts-port';
import type { IncidentsPort } from '../incidents/incidents-port';
import type { CheckResult, MonitorDefinition } from './domain/check-types';
import { systemClock, type SchedulerClock } from './clock';
import { createDefaultRegistry, type KindRegistry } from './checks/kind-registry';
import { LatenessStats } from './domain/lateness-stats';
import { MonitorService, type MonitorServiceEvent, type ResultContext } from './monitor-service';
import type { MonitorState } from './domain/monitor-state';
import type { ConfigFile } from './config-file';
import { HistoryQueries } from './history-queries';
import { MonitorCatalog, type MonitorEntry } from './monitor-catalog';
import { monitorNotice, monitorProblems, offlineNotice } from './domain/monitor-notices';
import { MonitorStore, type LastResult } from './monitor-store';
import { MonitorEventsStore, changeOf } from './monitor-events-store';
import { DAY } from './domain/buckets';
import { ResultWriter } from './result-writer';
import { readRetention } from './retention';
import { Rollups } from './rollups';
import { SPARKLINE_MINUTES, statusOf, summarize } from './summaries';
import { SeriesTracker } from './domain/series-tracker';
import { ListRevisions } from './list-revisions';

export interface RuntimeOptions {
  clock?: SchedulerClock;
  kinds?: KindRegistry;
  maxConcurrent?: number;
  connectivityProbe?: () => Promise<boolean>;
  resumeGraceMs?: number;
}

// Routine results reach open windows at most this often; a change of status goes out at once.
const ROUTINE_EVENT_MS = 5_000;
const ERROR_TEXT_MAX = 500;

/** The monitors area at run time: catalog, checks, storage, notifications and tray problems. */
export class MonitorRuntime {
  readonly store: MonitorStore;
  readonly catalog: MonitorCatalog;
  readonly service: MonitorService;
  readonly writer: ResultWriter;
  readonly eventLog: MonitorEventsStore;
  readonly rollups: Rollups;
  readonly queries: HistoryQueries;
  readonly kinds: KindRegistry;
  readonly clock: SchedulerClock;
  // Query monitors (Prometheus): the state of each returned series.
  readonly series = new SeriesTracker();
  config: ConfigFile | null = null;
  running = false;
  private readonly revisions = new ListRevisions();
  private snoozeKey = '';
  private offlineSince: number | null = null;
  private readonly decided = new LatenessStats();
  private readonly dispatch = new LatenessStats();
  private changed = false;
  private readonly shownStatus = new Map<number, MonitorState['status']>();
  private statusChanged = false;
  private lastEmit = 0;
  private closed = false;

  constructor(
    private readonly ctx: EngineContext,
    private readonly incidents: IncidentsPort,
    hosts: HostsPort,
    options: RuntimeOptions,
  ) {
    this.clock = options.clock ?? { ...systemClock, now: ctx.now };
    this.kinds = options.kinds ?? createDefaultRegistry({ ssh: { acquire: () => hosts.acquireForChecks() } });
    this.store = new MonitorStore(ctx.db);
    this.catalog = new MonitorCatalog(this.store, this.kinds, ctx.now);
    this.eventLog = new MonitorEventsStore(ctx.db);
    this.writer = new ResultWriter(ctx.db, this.store, ctx.now, this.eventLog);
    this.rollups = new Rollups(ctx.db);
    this.queries = new HistoryQueries(ctx.db, this.rollups);
    const savedStates = this.catalog.load();
    this.service = new MonitorService({
      registry: this.kinds,
      clock: this.clock,
      maxConcurrent: options.maxConcurrent,
      savedStates,
      connectivityProbe: options.connectivityProbe,
      resumeGraceMs: options.resumeGraceMs,
      onResult: (monitor, result, state, context) => this.onResult(monitor, result, state, context),
      onEvent: (event) => this.onEvent(event),
      onError: (monitor, err) => this.ctx.reportError(`monitor '${monitor}': scheduled run`, err),
    });
    this.service.setMonitors(this.catalog.definitions());
  }

  start(): void {
    this.running = true;
    this.service.start();
  }

  /** Hands the current definitions to the scheduler and tells windows and the tray. */
  sync(): void {
    const { paused, resumed } = this.service.setMonitors(this.catalog.definitions());
    const at = this.clock.now();
    for (const [names, kind] of [[paused, 'paused'], [resumed, 'resumed']] as const) {
      for (const name of names) {
        const entry = this.catalog.byName(name);
        if (entry) this.record(entry.id, { kind, at });
      }
    }
    this.announce();
  }

  /** Tells windows and the tray that something changed, now rather than at the next routine event. */
  announce(): void {
    this.revisions.reshape();
    this.statusChanged = true;
    this.ctx.trayChanged();
    this.flush();
  }

  flush(): void {
    if (this.closed) return;
    this.writer.flush();
    const now = this.ctx.now();
    if (this.statusChanged || (this.changed && now - this.lastEmit >= ROUTINE_EVENT_MS)) {
      this.ctx.emit('monitors.changed', { statusChanged: this.statusChanged });
      this.changed = false;
      this.statusChanged = false;
      this.lastEmit = now;
    }
  }

  /** Writes pending results, rolls up closed buckets and prunes what the retention no longer keeps. */
  maintain(): void {
    if (this.closed) return;
    this.flush();
    const now = this.ctx.now();
    this.rollups.catchUp(now);
    const retention = readRetention(this.ctx.settings);
    this.rollups.prune(now, retention);
    this.eventLog.prune(eventsKeptFrom(now, retention.dayDays));
  }

  /** Keeps a change of state the engine did not report itself (a pause from a window); written with the next flush. */
  record(id: number, change: MonitorStateChange): void {
    this.writer.addEvent(id, change);
  }

  /** One monitor's state changes, newest first, and since when the list is complete. */
  stateChanges(id: number): { events: MonitorStateChange[]; since: number } {
    this.flush();
    return { events: this.eventLog.list(id), since: this.eventLog.since(id, eventsKeptFrom(this.ctx.now(), readRetention(this.ctx.settings).dayDays)) };
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.writer.flush(true);
    this.closed = true;
    this.config?.close();
    void this.service.stop();
    this.kinds.close();
  }

  state(name: string): MonitorState | undefined {
    return this.service.state(name);
  }

  problems(): TrayProblem[] {
    const subjects = this.catalog.all().map((entry) => ({ id: entry.id, name: entry.name, state: entry.definition ? this.service.state(entry.name) : undefined }));
    return monitorProblems(subjects, this.offlineSince, this.config?.problem() ?? null);
  }

  /**
   * Every monitor, or with `since` (a cursor from an earlier list) only those changed after it, in
   * name order; `partial` says which. The cursor returned asks for the changes after this list.
   */
  list(options: { sparklines?: boolean; since?: string } = {}): { monitors: MonitorSummary[]; total: number; down: number; cursor: string; partial: boolean } {
    this.noticeSnoozes();
    const changed = options.since === undefined ? null : this.revisions.changedSince(options.since);
    const cursor = this.revisions.cursor;
    const ordered = this.catalog.inNameOrder();
    const down = ordered.reduce((n, entry) => n + (statusOf(entry, this.service.state(entry.name)) === 'down' ? 1 : 0), 0);
    if (changed === null) return { monitors: this.summarizeEntries(ordered, options.sparklines ?? true), total: ordered.length, down, cursor, partial: false };
    const ids = new Set(changed);
    const entries = ordered.filter((entry) => ids.has(entry.id));
    return { monitors: entries.length === 0 ? [] : this.summarizeEntries(entries, options.sparklines ?? true, changed), total: ordered.length, down, cursor, partial: true };
  }

  /**
   * The `count` most urgent monitors (down first, then by name), with how many there are and how
   * many are down. Only those `count` are summarized: a window's first screen of 10,000 monitors
   * reads the history of the rows it shows, not of all of them.
   */
  mostUrgent(count: number, options: { sparklines?: boolean } = {}): { monitors: MonitorSummary[]; total: number; down: number } {
    const ordered = this.catalog.inNameOrder();
    const statuses = ordered.map((entry) => statusOf(entry, this.service.state(entry.name)));
    const chosen: MonitorEntry[] = [];
    for (const level of MONITOR_URGENCY) {
      for (let i = 0; i < ordered.length && chosen.length < count; i += 1) if (statuses[i] === level) chosen.push(ordered[i]);
    }
    const down = statuses.reduce((n, status) => n + (status === 'down' ? 1 : 0), 0);
    return { monitors: this.summarizeEntries(chosen, options.sparklines ?? true, chosen.map((e) => e.id)), total: ordered.length, down };
  }

  /** The sparklines of the monitors a window shows; unknown ids are left out. */
  sparklines(ids: readonly number[]): { id: number; sparkline: (number | null)[]; sparklineFailures: number[] }[] {
    this.flush();
    const known = ids.filter((id) => this.catalog.get(id) !== undefined);
    const sparks = this.queries.sparklines(this.ctx.now(), SPARKLINE_MINUTES, known);
    return known.map((id) => ({ id, sparkline: sparks.get(id)?.latency ?? [], sparklineFailures: sparks.get(id)?.failures ?? [] }));
  }

  // One monitor's row without summarizing (and sorting) all the others: a window's action on one
  // monitor of 100,000 stays cheap.
  summary(id: number): MonitorSummary {
    return this.summarizeEntries([this.catalog.require(id)], true, [id])[0];
  }

  /** Summaries of `entries`; `only` (their ids) narrows the history read to them when they are a few of many. */
  private summarizeEntries(entries: MonitorEntry[], withSparklines: boolean, only?: readonly number[]): MonitorSummary[] {
    this.flush();
    const now = this.ctx.now();
    const counts = this.queries.countsForAll('24h', now, only);
    const sparks = withSparklines ? this.queries.sparklines(now, SPARKLINE_MINUTES, only) : new Map();
    const snoozes = this.ctx.notifier.snoozes();
    return entries.map((entry) =>
      summarize(entry, this.service.state(entry.name), { counts: counts.get(entry.id), spark: sparks.get(entry.id), snoozedUntil: snoozes[`monitor:${entry.id}`] ?? null }),
    );
  }

  configStatus(): MonitorConfigStatus {
    const status = this.config?.status() ?? { path: null, isDefault: false, exists: false, loadedAt: null, monitors: 0, issues: [] };
    return { ...status, running: this.running };
  }

  get offline(): number | null {
    return this.offlineSince;
  }

  stats() {
    const scheduler = this.service.stats();
    return { monitors: scheduler.jobs, runs: scheduler.runs, lateness: scheduler.lateness, decided: this.decided.summary(), dispatch: this.dispatch.summary() };
  }

  resetStats(): void {
    this.service.resetStats();
    this.decided.reset();
    this.dispatch.reset();
  }

  /**
   * Notes the status windows now show. Up after unknown, or failing after up, changes no tray entry
   * and raises no event of the state machine, but windows should show it soon.
   */
  observe(id: number, status: MonitorState['status']): void {
    this.revisions.touch(id);
    if (this.shownStatus.get(id) === status) return;
    this.shownStatus.set(id, status);
    this.statusChanged = true;
  }

  // A snooze (or its end) changes rows a list of changed monitors does not carry.
  private noticeSnoozes(): void {
    const key = JSON.stringify(this.ctx.notifier.snoozes());
    if (key === this.snoozeKey) return;
    this.snoozeKey = key;
    this.revisions.reshape();
  }

  private onResult(monitor: MonitorDefinition, result: CheckResult, state: MonitorState, context: ResultContext): void {
    if (this.closed) return;
    const entry = this.catalog.byName(monitor.name);
    if (!entry) return;
    const last: LastResult = {
      at: result.checkedAt + result.responseTimeMs,
      ok: result.ok,
      latencyMs: result.responseTimeMs,
      status: result.status ?? null,
      error: result.ok ? null : failureText(result),
    };
    entry.lastResult = last;
    if (result.series) this.series.update(monitor.name, result.series, monitor.forMs, this.clock.now());
    this.observe(entry.id, state.status);
    // A run taken while this machine was offline says nothing about the service: it is not history.
    this.writer.add(entry.id, context.offline ? null : last, state, last);
    this.changed = true;
  }

  private onEvent(event: MonitorServiceEvent): void {
    if (this.closed) return;
    if (event.type === 'resumed') return;
    if (event.type === 'offline') {
      this.offlineSince = event.at;
      this.ctx.notifier.notify(offlineNotice(event.at));
    } else if (event.type === 'online') {
      this.offlineSince = null;
    } else {
      const entry = this.catalog.byName(event.monitor);
      if (!entry) return;
      this.revisions.touch(entry.id);
      const change = changeOf(event);
      if (change) this.writer.addEvent(entry.id, change);
      if (event.type === 'down' && entry.incidentId !== null) {
        this.relapse(entry.incidentId, entry.name);
      }
      const notice = monitorNotice(event, { id: entry.id, name: entry.name, target: event.target, severity: event.severity });
      if (notice) {
        const resultAt = entry.lastResult?.at ?? this.clock.now();
        this.decided.record(Math.max(0, this.clock.now() - resultAt));
        // The outbox starts the native delivery before it returns, so this includes starting it.
        this.ctx.notifier.notify(notice);
        this.dispatch.record(Math.max(0, this.clock.now() - resultAt));
      }
    }
    this.statusChanged = true;
    this.ctx.trayChanged();
  }

  // A relapse that cannot be stamped (the incident was deleted) must not stop the monitor's own notice.
  private relapse(incidentId: number, name: string): void {
    try {
      this.incidents.relapse(incidentId, `Monitor ${name}`);
    } catch (err) {
      this.ctx.reportError(`relapse of incident #${incidentId} for monitor ${name}`, err);
    }
  }
}

// Events are kept as long as day buckets: the longest history the monitor page shows.
function eventsKeptFrom(now: number, dayDays: number): number {
  return now - dayDays * DAY;
}

function failureText(result: CheckResult): string {
  const text = result.failedConditions.length > 0 ? result.failedConditions.join('; ') : (result.error ?? 'the check failed');
  return text.length > ERROR_TEXT_MAX ? `${text.slice(0, ERROR_TEXT_MAX - 1)}…` : text;
}
