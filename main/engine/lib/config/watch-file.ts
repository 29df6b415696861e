import fs from 'node:fs';
import path from 'node:path';
import { readBoundedText } from './config-text';

export interface FileWatcher {
  close(): void;
}

/**
 * Calls `onText` with the file's new text (null when it was removed) whenever it really changes.
 * Watches the folder rather than the file because editors save by writing a new file and renaming
 * it over the old one. The text of a file over the config size limit is cut just past it, which the
 * parser reports as too big: a huge file is never read whole.
 */
export function watchFileText(file: string, onText: (text: string | null) => void, debounceMs = 200): FileWatcher {
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

function readOrNull(file: string): string | null {
  try {
    return readBoundedText(file);
  } catch {
    return null;
  }
}
