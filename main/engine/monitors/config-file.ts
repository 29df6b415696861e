import fs from 'node:fs';
import path from 'node:path';
import type { ConfigIssue } from '../../../preload/contract';
import { asConfigError, ConfigError, formatIssue } from '../lib/config/config-errors';
import { loadMonitorConfig, type MonitorConfig } from './config-loader';
import { watchConfig, type ConfigWatcher } from './config-watch';
import type { KindRegistry } from './checks/kind-registry';

export interface ConfigFileOptions {
  file: string;
  // The desktop's default file may simply not exist yet; a file named on the command line must.
  isDefault: boolean;
  kinds: KindRegistry;
  onLoad: (config: MonitorConfig) => void;
  onIssues: () => void;
  now: () => number;
}

/**
 * The monitors YAML file: loaded at start, reloaded when it changes. A broken edit is kept as
 * issues (file:line) while the monitors of the last good version keep running.
 */
export class ConfigFile {
  private watcher: ConfigWatcher | null = null;
  private issueList: ConfigIssue[] = [];
  private issuesSince: number | null = null;
  private loadedAt: number | null = null;
  private count = 0;

  constructor(private readonly options: ConfigFileOptions) {}

  start(): void {
    const { file, isDefault } = this.options;
    // No default file (yet) means no file monitors: those of an earlier file are retired, history kept.
    const missingDefault = isDefault && !fs.existsSync(file);
    this.load(() => (missingDefault ? { file, monitors: [], sources: [] } : loadMonitorConfig(file, this.options.kinds)));
    try {
      this.watcher = watchConfig(
        file,
        (config) => this.load(() => config),
        (err) => this.fail(err),
        { registry: this.options.kinds },
      );
    } catch (err) {
      this.fail(new ConfigError([{ file, line: 1, column: 1, message: `cannot watch ${path.dirname(file)} for changes: ${(err as Error).message}` }]));
    }
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }

  get issues(): ConfigIssue[] {
    return this.issueList;
  }

  /** Adds problems found after parsing, such as a name also used by a monitor made in the app. */
  addIssues(issues: ConfigIssue[]): void {
    if (issues.length === 0) return;
    this.issueList = [...this.issueList, ...issues];
    this.issuesSince ??= this.options.now();
  }

  /** One tray line for the whole file: the first problem, and how many more. */
  problem(): { label: string; since: number } | null {
    if (this.issueList.length === 0) return null;
    const [first] = this.issueList;
    const more = this.issueList.length > 1 ? ` (and ${this.issueList.length - 1} more)` : '';
    return { label: `${formatIssue({ ...first, file: path.basename(first.file) })}${more}`, since: this.issuesSince ?? this.options.now() };
  }

  status() {
    return {
      path: this.options.file,
      isDefault: this.options.isDefault,
      exists: fs.existsSync(this.options.file),
      loadedAt: this.loadedAt,
      monitors: this.count,
      issues: this.issueList,
    };
  }

  private load(read: () => MonitorConfig): void {
    let config: MonitorConfig;
    try {
      config = read();
    } catch (err) {
      return this.fail(asConfigError(err, this.options.file));
    }
    this.issueList = [];
    this.issuesSince = null;
    this.loadedAt = this.options.now();
    this.count = config.monitors.length;
    this.options.onLoad(config);
    this.options.onIssues();
  }

  private fail(err: ConfigError): void {
    this.issueList = err.issues.map((issue) => ({ ...issue }));
    this.issuesSince ??= this.options.now();
    this.options.onIssues();
  }
}
