// Electron security scan (electronegativity) over the desktop shell, the preload and the window's HTML.
// Fails on any HIGH or MEDIUM finding. Runs offline: the tool's own update and translation fetches are blocked.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trayage-scan-'));
const report = path.join(scanDir, 'report.csv');
// The scanner reads .ts/.js/.html; only the code that configures Electron is in scope.
for (const item of ['main/desktop', 'preload/index.ts', 'renderer/index.html', 'package.json']) {
  fs.cpSync(path.join(root, item), path.join(scanDir, 'src', item), { recursive: true });
}
execFileSync(
  process.execPath,
  [
    '--require', path.join(root, 'scripts/offline-guard.cjs'),
    path.join(root, 'node_modules/@doyensec/electronegativity/dist/index.js'),
    '-i', path.join(scanDir, 'src'),
    // This check downloads Electron's release list from the internet.
    '-x', 'AvailableSecurityFixesGlobalCheck',
    '-o', report,
    '-r', '-v', 'false',
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);

const rows = fs
  .readFileSync(report, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => (m[1] ?? m[2]).trim()));
const findings = rows.map(([id, severity, confidence, file, location, , description]) => ({ id, severity, confidence, file, location, description }));
for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.id}  ${f.file}:${f.location}  ${f.description}`);
const blocking = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
fs.rmSync(scanDir, { recursive: true, force: true });
if (blocking.length > 0) {
  console.error(`security scan: ${blocking.length} high or medium finding(s)`);
  process.exit(1);
}
console.log(`security scan: ${findings.length} finding(s), none high or medium`);
