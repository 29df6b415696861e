import type { SeriesValue } from './check-types';
import { seriesName } from '../../lib/clients/prometheus-client';

export interface SeriesState {
  name: string;
  labels: Record<string, string>;
  value: number;
  // pending: failing, but not yet for the monitor's `for:` duration.
  status: 'up' | 'pending' | 'down';
  since: number;
}

// One state per returned series of a query monitor, so "which route, which instance" is answered
// while the monitor as a whole goes DOWN when any series does.
export class SeriesTracker {
  private readonly byMonitor = new Map<string, Map<string, SeriesState & { failingSince: number | null }>>();

  update(monitor: string, series: readonly SeriesValue[], forMs: number, now: number): SeriesState[] {
    const before = this.byMonitor.get(monitor) ?? new Map();
    const after = new Map<string, SeriesState & { failingSince: number | null }>();
    for (const s of series) {
      const name = seriesName(s.labels);
      const prev = before.get(name);
      if (s.ok) {
        after.set(name, { name, labels: s.labels, value: s.value, status: 'up', since: prev?.status === 'up' ? prev.since : now, failingSince: null });
      } else {
        const failingSince = prev?.failingSince ?? now;
        after.set(name, { name, labels: s.labels, value: s.value, status: now - failingSince >= forMs ? 'down' : 'pending', since: failingSince, failingSince });
      }
    }
    this.byMonitor.set(monitor, after);
    return this.get(monitor);
  }

  get(monitor: string): SeriesState[] {
    return [...(this.byMonitor.get(monitor)?.values() ?? [])].map(({ failingSince: _f, ...state }) => state);
  }

  forget(monitor: string): void {
    this.byMonitor.delete(monitor);
  }
}
