import type Database from 'better-sqlite3';
import type { MonitorStateChange } from '../../../preload/contract';
import { MonitorEventsStore } from './monitor-events-store';
import type { LastResult, MonitorStore } from './monitor-store';

interface Pending {
  state: unknown;
  last: LastResult | null;
}

/**
 * A monitor's stored state is rewritten at least this often while nothing but its clock changes.
 * Profiled with 1,000 monitors every 10 s, the per-result UPDATE of the monitors row was the largest
 * single cost of the engine's own code; a routine result changes only the time of the last check,
 * which a restart after a crash may show up to this much older. A clean close writes everything.
 */
export const ROUTINE_STATE_MS = 60_000;

/**
 * Collects results and states between ticks and writes them in one transaction: at 50 checks a
 * second a transaction per result would cost more than the checks themselves.
 */
export class ResultWriter {
  private results: { monitorId: number; result: LastResult }[] = [];
  // State changes are rare; they go in the same transaction as the results that caused them.
  private events: { monitorId: number; change: MonitorStateChange }[] = [];
  private readonly states = new Map<number, Pending & { key: string }>();
  // Routine states not written yet: only the latest of each monitor, written on close.
  private readonly held = new Map<number, Pending>();
  private readonly saved = new Map<number, { key: string; at: number }>();
  private readonly insert;

  constructor(
    private readonly db: Database.Database,
    private readonly store: MonitorStore,
    private readonly now: () => number = Date.now,
    private readonly eventsStore: MonitorEventsStore = new MonitorEventsStore(db),
  ) {
    this.insert = db.prepare('INSERT OR IGNORE INTO monitor_results(at, monitor_id, ok, latency_ms, status, error) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** `result` is null for a run that must not count towards history (taken while offline). */
  add(monitorId: number, result: LastResult | null, state: unknown, last: LastResult | null): void {
    if (result) this.results.push({ monitorId, result });
    const key = meaningOf(state, last);
    const saved = this.saved.get(monitorId);
    if (saved && saved.key === key && this.now() - saved.at < ROUTINE_STATE_MS && !this.states.has(monitorId)) {
      this.held.set(monitorId, { state, last });
      return;
    }
    this.held.delete(monitorId);
    this.states.set(monitorId, { state, last, key });
  }

  addEvent(monitorId: number, change: MonitorStateChange): void {
    this.events.push({ monitorId, change });
  }

  get pending(): number {
    return this.results.length + this.states.size + this.events.length;
  }

  /** Writes the results, every changed state and the events; `all` also the routine states held back (on close). */
  flush(all = false): number {
    if (all) {
      for (const [id, pending] of this.held) this.states.set(id, { ...pending, key: meaningOf(pending.state, pending.last) });
      this.held.clear();
    }
    if (this.pending === 0 || !this.db.open) return 0;
    const results = this.results;
    const states = [...this.states];
    const events = this.events;
    this.results = [];
    this.events = [];
    this.states.clear();
    this.db.transaction(() => {
      for (const { monitorId, result: r } of results) this.insert.run(r.at, monitorId, r.ok ? 1 : 0, r.latencyMs, r.status, r.error);
      for (const [id, { state, last }] of states) this.store.saveState(id, state, last);
      if (events.length > 0) this.eventsStore.insert(events);
    })();
    const now = this.now();
    for (const [id, { key }] of states) this.saved.set(id, { key, at: now });
    return results.length;
  }
}

/**
 * What a stored state says beyond the time of the last check. The count of successes matters only
 * while DOWN (towards the recovery threshold); once up it only grows.
 */
function meaningOf(state: unknown, last: LastResult | null): string {
  const s = (state ?? {}) as Record<string, unknown>;
  const changes = Array.isArray(s.changes) ? s.changes.length : 0;
  const successes = s.status === 'up' ? '-' : s.consecutiveSuccesses;
  return `${s.status}|${s.consecutiveFailures}|${successes}|${s.failingSince}|${s.outageSince}|${s.lastError}|${s.lastReminderAt}|${s.announced}|${changes}|${s.flapping}|${last?.ok}|${last?.status}|${last?.error}`;
}
