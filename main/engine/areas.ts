import { alertsArea, type AlertsAreaOptions } from './alerts/alerts-area';
import { channelsArea, type ChannelsAreaOptions } from './channels/channels-area';
import type { ChannelsPort } from './channels/channels-port';
import type { EngineContext } from './engine-context';
import { escalationArea, type EscalationAreaOptions } from './escalation/escalation-area';
import { hostsArea, type HostsAreaOptions } from './hosts/hosts-area';
import { incidentsArea, type IncidentsAreaOptions } from './incidents/incidents-area';
import { intakeArea } from './intake/intake-area';
import type { IntakePort } from './intake/intake-port';
import { monitorsArea, type MonitorsAreaOptions } from './monitors/monitors-area';
import { runbooksArea } from './runbooks/runbooks-area';
import { runsArea, type RunsAreaOptions } from './runs/runs-area';

export interface AreaOptions {
  channels?: ChannelsAreaOptions;
  escalation?: EscalationAreaOptions;
  alerts?: AlertsAreaOptions;
  incidents?: IncidentsAreaOptions;
  hosts?: HostsAreaOptions;
  monitors?: MonitorsAreaOptions;
  runs?: RunsAreaOptions;
}

/** What the engine's hosts reach directly: the intake, for their HTTP servers. */
export interface InstalledAreas {
  intake: IntakePort;
  channels: ChannelsPort;
}

/**
 * Builds every area and hands each the ports of the areas it may use. The direction is one way and
 * is checked by test/layering.test.ts (AREA_ORDER):
 *   incidents ← channels ← escalation ← intake ← hosts ← alerts ← monitors ← runs ← runbooks
 * (an area uses only areas to its left: channels tell people about incidents; escalation pages
 * through channels; the intake opens and updates incidents from posted alerts; monitors declare
 * incidents and check over SSH hosts; runs verify health through monitors and write to incidents;
 * runbooks save procedures and extend declared incidents). Settings, secrets and notifications are
 * the core every area gets.
 */
export function installAreas(ctx: EngineContext, options: AreaOptions = {}): InstalledAreas {
  const incidents = incidentsArea(ctx, options.incidents);
  const channels = channelsArea(ctx, { incidents }, options.channels);
  escalationArea(ctx, { incidents, channels }, options.escalation);
  const intake = intakeArea(ctx, { incidents });
  const hosts = hostsArea(ctx, options.hosts);
  alertsArea(ctx, { incidents }, options.alerts);
  const monitors = monitorsArea(ctx, { incidents, hosts }, options.monitors);
  const runs = runsArea(ctx, { incidents, monitors, hosts }, options.runs);
  runbooksArea(ctx, { incidents, runs });
  return { intake, channels };
}
