import { alertsArea, type AlertsAreaOptions } from './alerts/alerts-area';
import type { EngineContext } from './engine-context';
import { hostsArea, type HostsAreaOptions } from './hosts/hosts-area';
import { incidentsArea, type IncidentsAreaOptions } from './incidents/incidents-area';
import { monitorsArea, type MonitorsAreaOptions } from './monitors/monitors-area';
import { runbooksArea } from './runbooks/runbooks-area';
import { runsArea, type RunsAreaOptions } from './runs/runs-area';

export interface AreaOptions {
  alerts?: AlertsAreaOptions;
  incidents?: IncidentsAreaOptions;
  hosts?: HostsAreaOptions;
  monitors?: MonitorsAreaOptions;
  runs?: RunsAreaOptions;
}

/**
 * Builds every area and hands each the ports of the areas it may use. The direction is one way and
 * is checked by test/layering.test.ts (AREA_ORDER):
 *   incidents ← hosts ← alerts ← monitors ← runs ← runbooks
 * (an area uses only areas to its left: monitors declare incidents and check over SSH hosts;
 * runs verify health through monitors and write to incidents; runbooks save procedures and
 * extend declared incidents). Settings, secrets and notifications are the core every area gets.
 */
export function installAreas(ctx: EngineContext, options: AreaOptions = {}): void {
  const incidents = incidentsArea(ctx, options.incidents);
  const hosts = hostsArea(ctx, options.hosts);
  alertsArea(ctx, { incidents }, options.alerts);
  const monitors = monitorsArea(ctx, { incidents, hosts }, options.monitors);
  const runs = runsArea(ctx, { incidents, monitors, hosts }, options.runs);
  runbooksArea(ctx, { incidents, runs });
}
