import os from 'node:os';
import type { AppInfo, EventEnvelope, EventName, EventPayload, ResponseEnvelope, TrayProblem, TrayState } from '../../preload/contract';
import { type AreaOptions, installAreas } from './areas';
import { watchExternalChanges } from './db/external-changes';
import { lockDataDir } from './db/data-dir-lock';
import { openDatabase } from './db/open-database';
import { storeFailure } from './db/store-error';
import type { EngineContext, TrayIncidents } from './engine-context';
import { type Deliver, nativeDeliver } from './notifications/deliver';
import { registerNoticeHandlers } from './notifications/notice-handlers';
import { Notifier } from './notifications/notifier';
import type { IntakePort } from './intake/intake-port';
import { databaseFile } from './paths';
import { RpcRegistry } from './rpc/rpc-registry';
import { loadOrCreateKeyFile } from './secrets/key-file';
import { SecretBox } from './secrets/secret-box';
import { SecretStore } from './secrets/secret-store';
import { SettingsStore } from './settings/settings-store';
import { computeTrayState } from './tray/tray-state';
import { throttled, TRAY_EVENT_GAP_MS } from './tray/tray-events';
import { APP_VERSION } from './version';

export interface EngineOptions {
  dataDir: string;
  // The YAML file with `monitors:` and `sources:`; watched and reloaded.
  configPath?: string;
  actor?: string;
  now?: () => number;
  // The desktop app passes a key kept in the OS keychain; headless mode uses a 0600 key file.
  secretKey?: Buffer;
  deliver?: Deliver;
  // How often to look for writes by another process (the CLI) on the same database.
  externalChangePollMs?: number;
  areas?: AreaOptions;
  /**
   * Run background work: monitors, alert sources, incident timers, notice delivery (default true:
   * `serve` and the desktop engine). Short CLI commands pass false and use the same services.
   */
  background?: boolean;
  onInternalError?: (where: string, err: unknown) => void;
}

export interface Engine {
  readonly info: AppInfo;
  dispatch(raw: unknown): Promise<ResponseEnvelope>;
  dispatchText(text: string): Promise<ResponseEnvelope>;
  onEvent(listener: (event: EventEnvelope) => void): () => void;
  trayState(): TrayState;
  // Alerts posted to `serve` or the desktop intake listener; the HTTP server hands each request here.
  readonly intake: IntakePort;
  close(): void;
}

export function createEngine(options: EngineOptions): Engine {
  const now = options.now ?? Date.now;
  const actor = options.actor ?? safeUserName();
  // Failures nobody is waiting for still reach a person: stderr unless the host routes them elsewhere.
  const report = options.onInternalError ?? ((where: string, err: unknown) => process.stderr.write(`trayage: ${where}: ${(err as Error)?.stack ?? err}\n`));
  const opened = openDatabase(databaseFile(options.dataDir), APP_VERSION);
  const { db } = opened;
  const listeners = new Set<(event: EventEnvelope) => void>();
  const cleanups: (() => void)[] = [];
  const problemSources: (() => TrayProblem[])[] = [];
  let trayIncidents: () => TrayIncidents = () => ({ incidents: [], topSeverity: undefined });
  const trayDecorators: ((state: TrayState) => TrayState)[] = [];

  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners) listener({ event, payload });
  };
  const settings = new SettingsStore(db, now);
  const secrets = new SecretStore(db, new SecretBox(options.secretKey ?? loadOrCreateKeyFile(options.dataDir)), now);
  const notifier = new Notifier(db, settings, options.deliver ?? nativeDeliver(), now, (target) => {
    if (target) emit('notification.clicked', target);
  });
  // Without a desktop notification daemon the open pages are the notice's target.
  notifier.onBrowserNotice((notice) => emit('notice', notice));
  // A storm records and delivers thousands of notices; the Notices list needs to hear of it a few times a second.
  const noticeEvents = throttled(() => emit('notices.changed', {}), TRAY_EVENT_GAP_MS);
  cleanups.push(noticeEvents.cancel);
  notifier.onChange(() => noticeEvents.request());
  const trayState = (): TrayState => {
    const { incidents, topSeverity } = trayIncidents();
    const state = computeTrayState({
      openIncidents: incidents,
      topSeverity,
      problems: problemSources.flatMap((source) => source()),
      snoozedUntil: notifier.snoozes().all ?? null,
    });
    return trayDecorators.reduce((decorated, decorate) => decorate(decorated), state);
  };
  const trayEvents = throttled(() => emit('tray.changed', trayState()), TRAY_EVENT_GAP_MS);
  cleanups.push(trayEvents.cancel);
  const registry = new RpcRegistry(report, (err) => storeFailure(err, opened.file));
  const lock = (options.background ?? true) ? lockDataDir(options.dataDir) : null;
  const background = lock?.held === true;
  if (lock?.held) cleanups.push(lock.release);
  if (lock && !lock.held) {
    const label = `Another Trayage engine (process ${lock.ownerPid}) runs the monitors, alert sources, timers and notices of this data directory; this one runs none of them.`;
    process.stderr.write(`trayage: ${label} (${options.dataDir})\n`);
  }
  const ctx: EngineContext = {
    db,
    dataDir: options.dataDir,
    configPath: options.configPath,
    actor,
    now,
    background,
    registry,
    settings,
    secrets,
    notifier,
    emit,
    incidentsChanged: (id) => {
      emit('incidents.changed', { id });
      trayEvents.request();
    },
    trayChanged: () => trayEvents.request(),
    addTrayProblems: (source) => problemSources.push(source),
    provideTrayIncidents: (source) => {
      trayIncidents = source;
    },
    decorateTray: (decorate) => trayDecorators.push(decorate),
    every(ms, job) {
      if (!background) return;
      const timer = setInterval(() => {
        if (!db.open) return;
        Promise.resolve()
          .then(job)
          .catch((err) => report('background job', err));
      }, ms);
      timer.unref();
      cleanups.push(() => clearInterval(timer));
    },
    onClose: (cleanup) => cleanups.push(cleanup),
    reportError: report,
  };

  const info: AppInfo = { version: APP_VERSION, dataDir: options.dataDir, schemaVersion: opened.schemaVersion, actor, background };
  registry.handle('app.info', () => info);
  registry.handle('tray.state', trayState);
  registerNoticeHandlers(registry, notifier);
  const { intake } = installAreas(ctx, options.areas);
  if (background) cleanups.push(notifier.startDelivery({ onError: (err) => report('notification delivery', err) }));
  // Windows of any long-lived engine follow writes by other processes; a short command has no windows.
  if (options.background ?? true) cleanups.push(watchExternalChanges(db, options.externalChangePollMs ?? 1000, () => ctx.incidentsChanged(null)));

  return {
    info,
    dispatch: (raw) => registry.dispatch(raw),
    dispatchText: (text) => registry.dispatchText(text),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    trayState,
    intake,
    close() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      listeners.clear();
      db.close();
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
