// Builds every process: the CLI/headless server, the engine host, the Electron shell and preload (esbuild),
// and the renderer (Vite). Native and path-sensitive modules stay outside the bundles.
import { build } from 'esbuild';
import fs from 'node:fs';
import { build as viteBuild } from 'vite';

// mvdan-sh (3 MB, half of the CLI's bundle) is required on its first use (main/engine/lib/shell/
// shell-parser.ts): left outside, it is compiled only then, not by every process as it starts.
const external = ['electron', 'better-sqlite3', 'ssh2', 'cpu-features', 'node-notifier', 'bufferutil', 'utf-8-validate', 'mvdan-sh'];
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
// esbuild escapes non-ASCII characters in code but keeps some comments as written. One such
// character (an arrow in a comment) makes V8 hold the whole bundle's source, which Node keeps in
// memory, as a two-byte string: 12 MB instead of 6 MB for the CLI. Escaped, the comments read the
// same (as \uXXXX) and the source stays one byte per character.
for (const file of ['dist/cli.cjs', 'dist/engine-host.cjs', 'dist/runbook-import-worker.cjs', 'dist/desktop.cjs']) {
  const text = fs.readFileSync(file, 'utf8');
  if (/[^\x00-\x7f]/.test(text)) fs.writeFileSync(file, text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('built dist/');
