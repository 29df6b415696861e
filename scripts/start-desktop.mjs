// `npm start`: the desktop app. Electron fetches its binary the first time it runs; where that is
// impossible (offline, a blocked download), say so in one line and point to headless mode, instead of
// the installer's stack traces.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');

const missing = installElectronBinary();
if (missing) {
  console.error(`Trayage's desktop app cannot start: ${missing}. Run \`npm run serve\` instead: the same windows, in your browser.`);
  process.exit(1);
}
const child = spawn(process.execPath, [path.join(electronDir, 'cli.js'), root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 1));

// Electron's own installer: it returns at once when the binary is in place, else downloads it,
// honouring Electron's mirror and cache settings. Its output is kept back; only the cause of a
// failure is shown. Returns why the binary is missing, or null once it is there.
function installElectronBinary() {
  const installer = path.join(electronDir, 'install.js');
  if (!fs.existsSync(installer)) return 'the electron package is not installed (run `npm ci` first)';
  // On a terminal, a first run's download gets a note, wiped again once the download has finished.
  const note = process.stderr.isTTY && !fs.existsSync(path.join(electronDir, 'path.txt'));
  if (note) process.stderr.write('Downloading the Electron binary (first run only)…');
  const result = spawnSync(process.execPath, [installer], { cwd: root, encoding: 'utf8' });
  if (note) process.stderr.write('\r\x1b[K');
  if (result.status === 0) return null;
  return `the Electron binary is not installed and could not be downloaded (${failureCause(result)})`;
}

// The installer's error line without its class: "fetch failed", "Response code 404 (Not Found) …".
function failureCause(result) {
  const line = `${result.stderr}\n${result.stdout}`.split('\n').find((text) => /^\w*Error: /.test(text));
  return line?.replace(/^\w*Error: /, '').trim() || result.error?.message || `the installer exited with code ${result.status}`;
}
