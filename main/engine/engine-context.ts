import type Database from 'better-sqlite3';
import type { EventName, EventPayload, TrayProblem, TrayState } from '../../preload/contract';
import type { Notifier } from './notifications/notifier';
import type { HandlerRegistry } from './rpc/rpc-registry';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsStore } from './settings/settings-store';

export interface TrayIncidents {
  incidents: TrayState['openIncidents'];
  // The level that turns the tray red; other open incidents make it amber.
  topSeverity: string | undefined;
}

// What every area of the engine (incidents, monitors, SSH, sources...) gets to work with.
export interface EngineContext {
  db: Database.Database;
  dataDir: string;
  // The monitors-and-sources YAML file (`serve --config`, or the desktop default), if any.
  configPath: string | undefined;
  actor: string;
  now: () => number;
  /**
   * True in `serve` and the desktop engine: monitors, alert sources, timers and notice delivery run.
   * Short CLI commands open the engine without background work and use the same services.
   */
  background: boolean;
  // Where an area offers its operations to windows and the CLI; areas never call each other through it.
  registry: HandlerRegistry;
  settings: SettingsStore;
  secrets: SecretStore;
  notifier: Notifier;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  // Tells windows an incident changed (null: unknown which) and refreshes the tray.
  incidentsChanged(id: number | null): void;
  trayChanged(): void;
  // Areas report what is wrong (a monitor down, a source unreachable); the incidents area lists open incidents.
  addTrayProblems(source: () => TrayProblem[]): void;
  provideTrayIncidents(source: () => TrayIncidents): void;
  // Adds what an area knows to the tray state (who is on call, each incident's next escalation).
  decorateTray(decorate: (state: TrayState) => TrayState): void;
  // A repeating background job, stopped when the engine closes; errors are reported, never thrown
  // into the loop. Not started at all when the engine runs without background work.
  every(ms: number, job: () => void | Promise<void>): void;
  onClose(cleanup: () => void): void;
  // Where an area reports a failure that has no caller to answer (a background job, a run's step).
  reportError(where: string, err: unknown): void;
}

export type EngineArea = (ctx: EngineContext) => void;
