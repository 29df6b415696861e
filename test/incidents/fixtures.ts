import type { TimelineEntry } from '../../preload/contract';
import type { NewTimelineEntry, WorkflowIncident } from '../../main/engine/incidents/domain/incident-types';

/** 2025-03-04 14:03:00 UTC: a fixed start so every expected time can be written out. */
export const T0 = Date.UTC(2025, 2, 4, 14, 3, 0);
export const MIN = 60_000;

export function makeIncident(overrides: Partial<WorkflowIncident> = {}): WorkflowIncident {
  return {
    id: 12,
    title: 'Checkout API returns 502',
    severity: 'P1',
    status: 'investigating',
    impact: 'Customers cannot pay',
    commander: 'dana',
    service: 'checkout-api',
    createdAt: T0,
    acknowledgedAt: null,
    resolvedAt: null,
    eta: null,
    statusChangedAt: T0,
    lastUpdateAt: null,
    level: null,
    ...overrides,
  };
}

/** Gives planned entries ids as the store would, keeping the order they were written in. */
export class FakeTimeline {
  readonly entries: TimelineEntry[] = [];
  add(incidentId: number, planned: NewTimelineEntry[]): void {
    for (const e of planned) this.entries.push({ ...e, id: this.entries.length + 1, incidentId });
  }
}
