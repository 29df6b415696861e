import path from 'node:path';
import type { EngineArea } from '../engine-context';
import { ConfigFile } from './config-file';
import { registerMonitorHandlers } from './monitor-handlers';
import { MonitorRuntime, type RuntimeOptions } from './monitor-runtime';

/** The file the desktop app reads monitors from; `serve --config FILE` names another. */
export function defaultConfigFile(dataDir: string): string {
  return path.resolve(dataDir, 'monitors.yaml');
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

export function monitorsArea(options: MonitorsAreaOptions = {}): EngineArea {
  return (ctx) => {
    const runtime = new MonitorRuntime(ctx, options);
    registerMonitorHandlers(ctx, runtime);
    ctx.addTrayProblems(() => runtime.problems());
    ctx.onClose(() => runtime.close());
    if (!(options.run ?? ctx.configPath !== undefined)) return;

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
  };
}
