import fs from 'node:fs';
import type { EngineContext } from '../engine-context';
import { ConfigError } from '../lib/config/config-errors';
import { watchFileText } from '../lib/config/watch-file';
import type { AppSources } from './app-sources';
import type { AlertChanges } from './domain/alert-model';
import type { SourceDefinition } from './domain/source-config';
import { loadSources } from './load-sources';
import { SourcePoller, type SourceStatus } from './source-poller';

type OnChange = (changes: AlertChanges, status: SourceStatus, healthChanged: boolean) => void;

// The set of polled sources: the config file's `sources:` plus those added in the app. File sources
// win a name clash; a source whose definition changed is restarted. Polling runs only in an engine
// with background work.
export class AlertSources {
  readonly pollers = new Map<string, SourcePoller>();
  readonly origin = new Map<string, 'file' | 'app'>();
  configError: string | null = null;
  private fileSources: SourceDefinition[] = [];

  constructor(
    private readonly ctx: EngineContext,
    private readonly appSources: AppSources,
    private readonly onChange: OnChange,
    private readonly env: NodeJS.ProcessEnv | undefined,
  ) {}

  start(): void {
    this.load();
    const { configPath } = this.ctx;
    if (!configPath) return;
    const watcher = watchFileText(configPath, () => this.load(), 300);
    this.ctx.onClose(() => watcher.close());
  }

  stop(): void {
    for (const poller of this.pollers.values()) poller.stop();
    this.pollers.clear();
  }

  fileNames(): string[] {
    return this.fileSources.map((f) => f.name);
  }

  apply(): void {
    if (!this.ctx.background) return;
    const wanted = new Map<string, { def: SourceDefinition; env: NodeJS.ProcessEnv; from: 'file' | 'app' }>();
    for (const { def, env } of this.appSources.list()) wanted.set(def.name, { def, env, from: 'app' });
    for (const def of this.fileSources) wanted.set(def.name, { def, env: this.env ?? process.env, from: 'file' });
    for (const [name, poller] of this.pollers) {
      if (JSON.stringify(wanted.get(name)?.def) !== JSON.stringify(poller.def)) {
        poller.stop();
        this.pollers.delete(name);
      }
    }
    this.origin.clear();
    for (const { def, env, from } of wanted.values()) {
      this.origin.set(def.name, from);
      if (this.pollers.has(def.name)) continue;
      const poller = new SourcePoller(def, this.onChange, this.ctx.now, env);
      this.pollers.set(def.name, poller);
      poller.start();
    }
    this.ctx.trayChanged();
  }

  private load(): void {
    const { configPath } = this.ctx;
    if (configPath && !fs.existsSync(configPath)) {
      // No config file yet (the desktop app's default path): only sources added in the app.
      this.fileSources = [];
      this.configError = null;
    } else if (configPath) {
      try {
        this.fileSources = loadSources(configPath);
        this.configError = null;
      } catch (err) {
        // Keep polling the sources of the last good file; the monitors area reports the file's problem in the tray.
        this.configError = err instanceof ConfigError ? err.message : String((err as Error).message);
      }
    }
    this.apply();
  }
}
