import { asConfigError, ConfigError } from '../lib/config/config-errors';
import { watchFileText } from '../lib/config/watch-file';
import { parseMonitorConfig, type MonitorConfig } from './config-loader';
import type { KindRegistry } from './checks/kind-registry';

export interface ConfigWatcher {
  close(): void;
}

export interface WatchOptions {
  debounceMs?: number;
  registry?: KindRegistry;
}

/** Reloads the monitors config when its file changes. A broken edit goes to `onError`; the caller keeps running the last good monitors. */
export function watchConfig(
  file: string,
  onChange: (config: MonitorConfig) => void,
  onError: (err: ConfigError) => void,
  options: WatchOptions = {},
): ConfigWatcher {
  return watchFileText(
    file,
    (text) => {
      if (text === null) {
        onError(new ConfigError([{ file, line: 1, column: 1, message: 'the config file was removed; keeping the last monitors' }]));
        return;
      }
      // Runs in a timer: anything thrown here would end the process, and its monitors with it.
      let config: MonitorConfig;
      try {
        config = parseMonitorConfig(text, file, options.registry);
      } catch (err) {
        onError(asConfigError(err, file));
        return;
      }
      // `: > file`, or an editor that empties the file before writing it: not a wish to stop every monitor.
      if (config.blank) {
        onError(new ConfigError([{ file, line: 1, column: 1, message: "the file is empty; keeping the last monitors (to remove them all, write 'monitors: []')" }]));
        return;
      }
      onChange(config);
    },
    options.debounceMs,
  );
}
