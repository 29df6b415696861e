import { alertsArea, type AlertsAreaOptions } from './alerts/alerts-area';
import type { EngineArea } from './engine-context';
import { incidentsArea, type IncidentsAreaOptions } from './incidents/incidents-area';
import { monitorsArea, type MonitorsAreaOptions } from './monitors/monitors-area';
import { packsArea } from './runbooks/runbooks-area';
import { runsArea, type RunsAreaOptions } from './runs/runs-area';

export interface AreaOptions {
  alerts?: AlertsAreaOptions;
  incidents?: IncidentsAreaOptions;
  monitors?: MonitorsAreaOptions;
  runs?: RunsAreaOptions;
}

// Every area of the engine, installed in this order; one line per area.
export function engineAreas(options: AreaOptions = {}): EngineArea[] {
  return [
    incidentsArea(options.incidents),
    monitorsArea(options.monitors),
    runsArea(options.runs),
    alertsArea(options.alerts),
    packsArea,
  ];
}
