import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(import.meta.dirname, '../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

// electron-builder's own check of a configuration against its schema (app-builder-lib's scheme.json),
// as `electron-builder` runs it before packaging. Not a public export, so it is reached through the
// app-builder-lib that electron-builder itself uses.
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const { validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config.js');
const quietLogger = { isEnabled: false, add() {} };

describe('electron-builder fuses', () => {
  it('turns off Node entry points into the packaged app and locks it to its checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it("passes electron-builder's schema check, which would catch a misspelt fuse", async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNodes: true } };
    await expect(validateConfiguration(misspelt, quietLogger)).rejects.toThrow(/electronFuses/);
  });
});
