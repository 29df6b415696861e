import { alertsArea, type AlertsAreaOptions } from './alerts/alerts-area';
import type { EngineArea } from './engine-context';
import { incidentsArea, type IncidentsAreaOptions } from './incidents/incidents-area';

export interface AreaOptions {
  alerts?: AlertsAreaOptions;
  incidents?: IncidentsAreaOptions;
}

// Every area of the engine, installed in this order; one line per area.
export function engineAreas(options: AreaOptions = {}): EngineArea[] {
  return [
    incidentsArea(options.incidents),
    alertsArea(options.alerts),
  ];
}
