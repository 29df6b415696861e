import type { AlertState, SourceAlert } from '../../../../preload/contract';
import type { AmAlert } from '../../lib/clients/alertmanager-replies';

/** One alert as its source reports it; a listing adds the incidents it is linked to. */
export type PolledAlert = Omit<SourceAlert, 'incidentIds'>;

export const DEFAULT_SEVERITY_MAP: Record<string, string> = { critical: 'P1', page: 'P1', high: 'P2', error: 'P2', warning: 'P3', info: 'P4' };

export function fromAlertmanager(source: string, alert: AmAlert, severityLabel: string, severityMap: Record<string, string>): PolledAlert {
  const raw = alert.labels[severityLabel];
  const state: AlertState =
    alert.status.silencedBy.length > 0 ? 'silenced' : alert.status.inhibitedBy.length > 0 ? 'inhibited' : 'firing';
  return {
    source,
    key: alert.fingerprint,
    name: alert.labels.alertname ?? '(unnamed alert)',
    state,
    severity: raw === undefined ? null : (severityMap[raw.toLowerCase()] ?? null),
    labels: alert.labels,
    annotations: alert.annotations,
    startsAt: alert.startsAt,
    silencedBy: alert.status.silencedBy,
    url: alert.annotations.runbook_url,
  };
}

export interface AlertChanges {
  firing: PolledAlert[];
  resolved: PolledAlert[];
}

// What changed between two polls of one source: newly firing (or back from a silence) and gone.
export function diffAlerts(before: PolledAlert[], after: PolledAlert[]): AlertChanges {
  const old = new Map(before.map((a) => [a.key, a]));
  const now = new Map(after.map((a) => [a.key, a]));
  return {
    firing: after.filter((a) => a.state === 'firing' && old.get(a.key)?.state !== 'firing'),
    resolved: before.filter((a) => !now.has(a.key)).map((a) => ({ ...a, state: 'resolved' as const })),
  };
}
