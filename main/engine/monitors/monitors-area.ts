import path from 'node:path';
import type { EngineContext } from '../engine-context';
import type { HostsPort } from '../hosts/hosts-port';
import type { IncidentsPort } from '../incidents/incidents-port';
import { ConfigError } from '../lib/config/config-errors';
import { ConfigFile } from './config-file';
import { loadMonitorConfig } from './config-loader';
import { registerMonitorHandlers } from './monitor-handlers';
import { MonitorRuntime, type RuntimeOptions } from './monitor-runtime';
import { monitorHealth } from './monitor-health';
import type { MonitorsPort } from './monitors-port';

/** The file the desktop app reads monitors from; `serve --config FILE` names another. */
export function defaultConfigFile(dataDir: string): string {
  return path.resolve(dataDir, 'monitors.yaml');
}

// The engine that owns the file claims and retires its monitors; a reader only learns what each one checks.
function describeFromFile(runtime: MonitorRuntime, file: string): void {
  try {
    runtime.catalog.describeFile(loadMonitorConfig(file, runtime.kinds));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    runtime.catalog.fileUnreadable(`the monitors file does not load: ${err.message}`);
  }
}

export interface MonitorsAreaOptions extends RuntimeOptions {
  /**
   * Run checks in this process. By default they run when the engine was given a config file
   * (`trayage serve`, the desktop engine); short CLI commands that open the same database must not
   * page anyone.
   */
  run?: boolean;
  /** How often results are written, in one transaction. */
  flushMs?: number;
  /** How often closed buckets are rolled up and old history pruned. */
  maintenanceMs?: number;
}

export interface MonitorsDeps {
  incidents: IncidentsPort;
  hosts: HostsPort;
}

export function monitorsArea(ctx: EngineContext, deps: MonitorsDeps, options: MonitorsAreaOptions = {}): MonitorsPort {
  const runtime = new MonitorRuntime(ctx, deps.incidents, deps.hosts, options);
  registerMonitorHandlers(ctx, runtime, deps.incidents);
  ctx.addTrayProblems(() => runtime.problems());
  ctx.onClose(() => runtime.close());
  const port: MonitorsPort = { health: (name) => monitorHealth(runtime, name) };
  if (!ctx.background || !(options.run ?? ctx.configPath !== undefined)) {
    if (!ctx.background && ctx.configPath !== undefined) describeFromFile(runtime, ctx.configPath);
    return port;
  }

  const defaultFile = defaultConfigFile(ctx.dataDir);
  const file = path.resolve(ctx.configPath ?? defaultFile);
  const config = new ConfigFile({
    file,
    isDefault: file === defaultFile,
    kinds: runtime.kinds,
    now: ctx.now,
    onLoad: (loaded) => {
      config.addIssues(runtime.catalog.applyFile(loaded));
      runtime.sync();
    },
    onIssues: () => runtime.announce(),
  });
  runtime.config = config;
  config.start();
  runtime.start();
  ctx.every(options.flushMs ?? 1_000, () => runtime.flush());
  ctx.every(options.maintenanceMs ?? 10_000, () => runtime.maintain());
  return port;
}
