import type { TrayLevel, TrayProblem, TrayState } from '../../../preload/contract';
import { TRAY_LEVELS } from '../../../preload/contract';

type TrayIncident = TrayState['openIncidents'][number];

export interface TrayInputs {
  openIncidents: TrayIncident[];
  // The severity key that makes the tray red; any other open incident makes it amber.
  topSeverity: string | undefined;
  problems: TrayProblem[];
  snoozedUntil: number | null;
}

// Pure: worst of open incidents and problems reported by monitors and sources.
export function computeTrayState(inputs: TrayInputs): TrayState {
  let level: TrayLevel = 'ok';
  for (const incident of inputs.openIncidents) level = worst(level, incident.severity === inputs.topSeverity ? 'down' : 'degraded');
  for (const problem of inputs.problems) level = worst(level, problem.level);
  const parts: string[] = [];
  const down = inputs.problems.filter((p) => p.level === 'down').length;
  if (down > 0) parts.push(`${down} down`);
  const other = inputs.problems.length - down;
  if (other > 0) parts.push(`${other} degraded`);
  const n = inputs.openIncidents.length;
  if (n > 0) parts.push(`${n} open incident${n === 1 ? '' : 's'}`);
  return {
    level,
    summary: parts.length === 0 ? 'All clear' : parts.join(', '),
    openIncidents: inputs.openIncidents,
    problems: [...inputs.problems].sort((a, b) => TRAY_LEVELS.indexOf(b.level) - TRAY_LEVELS.indexOf(a.level) || a.since - b.since),
    snoozedUntil: inputs.snoozedUntil,
  };
}

export function worst(a: TrayLevel, b: TrayLevel): TrayLevel {
  return TRAY_LEVELS.indexOf(a) >= TRAY_LEVELS.indexOf(b) ? a : b;
}
