import type Database from 'better-sqlite3';
import type { LastResult, MonitorStore } from './monitor-store';

interface Pending {
  state: unknown;
  last: LastResult | null;
}

/**
 * Collects results and states between ticks and writes them in one transaction: at 50 checks a
 * second a transaction per result would cost more than the checks themselves.
 */
export class ResultWriter {
  private results: { monitorId: number; result: LastResult }[] = [];
  private readonly states = new Map<number, Pending>();
  private readonly insert;

  constructor(
    private readonly db: Database.Database,
    private readonly store: MonitorStore,
  ) {
    this.insert = db.prepare('INSERT OR IGNORE INTO monitor_results(at, monitor_id, ok, latency_ms, status, error) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** `result` is null for a run that must not count towards history (taken while offline). */
  add(monitorId: number, result: LastResult | null, state: unknown, last: LastResult | null): void {
    if (result) this.results.push({ monitorId, result });
    this.states.set(monitorId, { state, last });
  }

  get pending(): number {
    return this.results.length + this.states.size;
  }

  flush(): number {
    if (this.pending === 0 || !this.db.open) return 0;
    const results = this.results;
    const states = [...this.states];
    this.results = [];
    this.states.clear();
    this.db.transaction(() => {
      for (const { monitorId, result: r } of results) this.insert.run(r.at, monitorId, r.ok ? 1 : 0, r.latencyMs, r.status, r.error);
      for (const [id, { state, last }] of states) this.store.saveState(id, state, last);
    })();
    return results.length;
  }
}
