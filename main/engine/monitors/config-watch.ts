import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../lib/config/config-errors';
import { parseMonitorConfig, type MonitorConfig } from './config-loader';
import type { KindRegistry } from './checks/kind-registry';

export interface ConfigWatcher {
  close(): void;
}

export interface WatchOptions {
  debounceMs?: number;
  registry?: KindRegistry;
}

/**
 * Calls `onText` with the file's new text (null when it was removed) whenever it really changes.
 * Watches the folder rather than the file because editors save by writing a new file and renaming
 * it over the old one.
 */
export function watchFileText(file: string, onText: (text: string | null) => void, debounceMs = 200): ConfigWatcher {
  const absolute = path.resolve(file);
  const base = path.basename(absolute);
  let lastText = readOrNull(absolute);
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    const text = readOrNull(absolute);
    if (text === lastText) return;
    lastText = text;
    onText(text);
  };
  const watcher = fs.watch(path.dirname(absolute), (_event, name) => {
    if (name !== null && name !== base) return;
    clearTimeout(timer);
    timer = setTimeout(reload, debounceMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
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
      try {
        onChange(parseMonitorConfig(text, file, options.registry));
      } catch (err) {
        if (err instanceof ConfigError) onError(err);
        else throw err;
      }
    },
    options.debounceMs,
  );
}

function readOrNull(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
