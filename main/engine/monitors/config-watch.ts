import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from './config-errors';
import { parseMonitorConfig, type MonitorConfig } from './config-loader';
import type { KindRegistry } from './kind-registry';

export interface ConfigWatcher {
  close(): void;
}

export interface WatchOptions {
  debounceMs?: number;
  registry?: KindRegistry;
}

/**
 * Reloads the config when its file changes. Watches the folder rather than the file because editors
 * save by writing a new file and renaming it over the old one. A broken edit goes to `onError`; the
 * caller keeps running the last good monitors.
 */
export function watchConfig(
  file: string,
  onChange: (config: MonitorConfig) => void,
  onError: (err: ConfigError) => void,
  options: WatchOptions = {},
): ConfigWatcher {
  const absolute = path.resolve(file);
  const base = path.basename(absolute);
  let lastText = readOrNull(absolute);
  let timer: NodeJS.Timeout | undefined;

  const reload = () => {
    timer = undefined;
    const text = readOrNull(absolute);
    if (text === lastText) return;
    lastText = text;
    if (text === null) {
      onError(new ConfigError([{ file, line: 1, column: 1, message: 'the config file was removed; keeping the last monitors' }]));
      return;
    }
    try {
      onChange(parseMonitorConfig(text, file, options.registry));
    } catch (err) {
      if (err instanceof ConfigError) onError(err);
      else throw err;
    }
  };

  const watcher = fs.watch(path.dirname(absolute), (_event, name) => {
    if (name !== null && name !== base) return;
    clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? 200);
  });

  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
