// Builds every process: the CLI/headless server, the engine host, the Electron shell and preload (esbuild),
// and the renderer (Vite). Native and path-sensitive modules stay outside the bundles.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';

const external = ['electron', 'better-sqlite3', 'ssh2', 'cpu-features', 'node-notifier', 'bufferutil', 'utf-8-validate'];
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', external, sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['main/cli/main.ts'], outfile: 'dist/cli.cjs', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['main/engine/host/utility-entry.ts'], outfile: 'dist/engine-host.cjs' }),
  // Runbooks are read on a worker thread (importRunbookAsync), which loads this file from beside the bundle that starts it.
  build({ ...common, entryPoints: ['main/engine/runbooks/importer/import-worker.ts'], outfile: 'dist/runbook-import-worker.cjs' }),
  build({ ...common, entryPoints: ['main/desktop/main.ts'], outfile: 'dist/desktop.cjs' }),
  // A sandboxed preload may only require a few Electron modules, so it is one self-contained file.
  build({ ...common, entryPoints: ['preload/index.ts'], outfile: 'dist/preload.cjs', target: 'chrome140' }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built dist/');
