import type { Incident, Lifecycle, TrayLevel, TrayState } from '../../../preload/contract';
import { TRAY_LEVELS } from '../../../preload/contract';

// The most severe level of the scheme turns the tray red; any other open incident makes it amber.
export function computeTrayState(openIncidents: Incident[], lifecycle: Lifecycle): TrayState {
  const topSeverity = lifecycle.severities[0]?.key;
  let level: TrayLevel = 'ok';
  for (const incident of openIncidents) {
    level = worst(level, incident.severity === topSeverity ? 'down' : 'degraded');
  }
  const summary =
    openIncidents.length === 0
      ? 'All clear'
      : `${openIncidents.length} open incident${openIncidents.length === 1 ? '' : 's'}`;
  return {
    level,
    summary,
    openIncidents: openIncidents.map(({ id, title, severity, status, createdAt }) => ({ id, title, severity, status, createdAt })),
  };
}

export function worst(a: TrayLevel, b: TrayLevel): TrayLevel {
  return TRAY_LEVELS.indexOf(a) >= TRAY_LEVELS.indexOf(b) ? a : b;
}
