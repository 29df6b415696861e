import os from 'node:os';
import type { AppInfo, EventEnvelope, EventName, EventPayload, ResponseEnvelope } from '../../preload/contract';
import { openDatabase } from './db/open-database';
import { IncidentStore } from './incidents/incident-store';
import { DEFAULT_LIFECYCLE } from './incidents/lifecycle-defaults';
import { registerIncidentHandlers } from './incidents/incident-handlers';
import { databaseFile } from './paths';
import { RpcRegistry } from './rpc/rpc-registry';
import { computeTrayState } from './tray/tray-state';
import { APP_VERSION } from './version';
import { watchExternalChanges } from './db/external-changes';

export interface EngineOptions {
  dataDir: string;
  actor?: string;
  now?: () => number;
  // How often to look for writes by another process (the CLI) on the same database.
  externalChangePollMs?: number;
  onInternalError?: (method: string, err: unknown) => void;
}

export interface Engine {
  readonly info: AppInfo;
  dispatch(raw: unknown): Promise<ResponseEnvelope>;
  dispatchText(text: string): Promise<ResponseEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
  close(): void;
}

export function createEngine(options: EngineOptions): Engine {
  const now = options.now ?? Date.now;
  const actor = options.actor ?? safeUserName();
  const opened = openDatabase(databaseFile(options.dataDir), APP_VERSION);
  const lifecycle = DEFAULT_LIFECYCLE;
  const incidents = new IncidentStore(opened.db, lifecycle, now);
  const listeners = new Set<(event: EventEnvelope) => void>();

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners) listener({ event, payload });
  };
  const trayState = () => computeTrayState(incidents.list('open', 1000), lifecycle);
  const changed = (id: number | null) => {
    emit('incidents.changed', { id });
    emit('tray.changed', trayState());
  };

  const info: AppInfo = { version: APP_VERSION, dataDir: options.dataDir, schemaVersion: opened.schemaVersion, actor };
  const registry = new RpcRegistry(options.onInternalError);
  registry.handle('app.info', () => info);
  registry.handle('tray.state', trayState);
  registerIncidentHandlers(registry, incidents, lifecycle, actor, changed);

  const stopWatching = watchExternalChanges(opened.db, options.externalChangePollMs ?? 1000, () => changed(null));

  return {
    info,
    dispatch: (raw) => registry.dispatch(raw),
    dispatchText: (text) => registry.dispatchText(text),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      stopWatching();
      listeners.clear();
      opened.db.close();
    },
  };
}

function safeUserName(): string {
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
