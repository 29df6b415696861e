import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../helpers/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');

// `npm start` builds, then runs scripts/start-desktop.mjs; the script itself builds nothing, so it runs
// here on its own. The Electron binary is made missing and undownloadable whatever this machine has:
// an empty folder stands for the binary's, the download mirror refuses connections, the download
// cache is empty, and no Electron setting from the environment (an npm mirror, say) applies.
describe('npm start without an Electron binary', () => {
  let empty: string;
  beforeAll(() => {
    empty = tempDir('trayage-no-electron-');
  });
  afterAll(() => removeDir(empty));

  it('prints one line saying why and what to run instead, and exits non-zero', () => {
    const inherited = Object.entries(process.env).filter(([name]) => !/electron/i.test(name));
    const result = spawnSync(process.execPath, [path.join(root, 'scripts/start-desktop.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...Object.fromEntries(inherited),
        ELECTRON_OVERRIDE_DIST_PATH: empty,
        ELECTRON_MIRROR: 'http://127.0.0.1:9/',
        electron_config_cache: empty,
      },
    });
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(output.trimEnd().split('\n')).toHaveLength(1);
    expect(output).toMatch(/^Trayage's desktop app cannot start: the Electron binary is not installed and could not be downloaded \(.+\)\./);
    expect(output).toContain('npm run serve');
    expect(output).not.toMatch(/^\s+at /m);
  });
});
