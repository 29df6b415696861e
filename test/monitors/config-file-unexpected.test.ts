import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigFile } from '../../main/engine/monitors/config-file';
import type { MonitorConfig } from '../../main/engine/monitors/config-loader';
import { createDefaultRegistry } from '../../main/engine/monitors/checks/kind-registry';
import { removeDir, tempDir } from '../helpers/temp-dir';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

// A kind with a bug: building it throws what no one planned for.
const brokenKind = {
  kind: 'broken',
  fields: { target: z.string() },
  build(): never {
    throw new TypeError("Cannot read properties of undefined (reading 'host')");
  },
  probe: async () => ({ checkedAt: 0, responseTimeMs: 0 }),
};

async function waitFor(predicate: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('timed out waiting for the reload');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the monitors file when parsing fails unexpectedly', () => {
  it('keeps the last good monitors and shows the failure as one problem, at start and on reload', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'monitors.yaml');
    const good = 'monitors:\n  - name: api\n    url: tcp://127.0.0.1:9\n';
    const broken = 'monitors:\n  - name: api\n    kind: broken\n    target: x\n';
    fs.writeFileSync(file, good);
    const loads: MonitorConfig[] = [];
    let now = 1_000;
    const config = new ConfigFile({
      file,
      isDefault: false,
      kinds: createDefaultRegistry().register(brokenKind),
      onLoad: (loaded) => loads.push(loaded),
      onIssues: () => {},
      now: () => now,
    });
    cleanups.push(() => {
      config.close();
      removeDir(dir);
    });
    config.start();
    expect(loads.map((l) => l.monitors.map((m) => m.name))).toEqual([['api']]);

    now = 2_000;
    fs.writeFileSync(file, broken);
    await waitFor(() => config.issues.length > 0);
    expect(loads).toHaveLength(1);
    expect(config.problem()).toEqual({ label: "monitors.yaml:1:1: cannot read this file: Cannot read properties of undefined (reading 'host')", since: 2_000 });
    expect(config.status()).toMatchObject({ monitors: 1, loadedAt: 1_000 });

    fs.writeFileSync(file, good.replace('api', 'web'));
    await waitFor(() => loads.length === 2);
    expect(config.issues).toEqual([]);
  });
});
