import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../main/engine/lib/config/config-errors';
import type { MonitorConfig } from '../../main/engine/monitors/config-loader';
import { watchConfig, type ConfigWatcher } from '../../main/engine/monitors/config-watch';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

function setup() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-watch-'));
  const file = path.join(dir, 'monitors.yaml');
  fs.writeFileSync(file, monitors(['api']));
  const changes: MonitorConfig[] = [];
  const errors: ConfigError[] = [];
  const watcher: ConfigWatcher = watchConfig(file, (c) => changes.push(c), (e) => errors.push(e), { debounceMs: 150 });
  cleanups.push(() => {
    watcher.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir, file, changes, errors };
}

function monitors(names: string[]): string {
  return `monitors:\n${names.map((n) => `  - name: ${n}\n    url: http://127.0.0.1:9/${n}\n`).join('')}`;
}

async function waitFor(predicate: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting for the watcher');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('watchConfig', () => {
  it('reloads once after a burst of writes, including an editor-style rename', async () => {
    const { dir, file, changes } = setup();
    fs.writeFileSync(file, monitors(['api', 'db']));
    fs.writeFileSync(path.join(dir, '.monitors.yaml.swp'), monitors(['api', 'db', 'cache']));
    fs.renameSync(path.join(dir, '.monitors.yaml.swp'), file);
    await waitFor(() => changes.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    expect(changes).toHaveLength(1);
    expect(changes[0].monitors.map((m) => m.name)).toEqual(['api', 'db', 'cache']);
  });

  it('reports a broken edit with its position and ignores other files in the folder', async () => {
    const { dir, file, changes, errors } = setup();
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'unrelated');
    fs.writeFileSync(file, 'monitors:\n  - name: api\n    url: http://127.0.0.1:9/\n    interval: soon\n');
    await waitFor(() => errors.length > 0);
    expect(errors[0].message).toBe(`${file}:4:5: monitor 'api': interval 'soon' is not a duration (use 30s, 5m, 1h)`);
    expect(changes).toHaveLength(0);
  });

  it('keeps the last monitors when the file is emptied, and loads an explicit empty list', async () => {
    const { file, changes, errors } = setup();
    fs.writeFileSync(file, '');
    await waitFor(() => errors.length > 0);
    expect(errors[0].message).toBe(`${file}:1:1: the file is empty; keeping the last monitors (to remove them all, write 'monitors: []')`);
    fs.writeFileSync(file, '# all commented out for now\n\n#monitors:\n');
    await waitFor(() => errors.length > 1);
    expect(changes).toHaveLength(0);
    fs.writeFileSync(file, 'monitors: []\n');
    await waitFor(() => changes.length > 0);
    expect(changes[0].monitors).toEqual([]);
  });
});
