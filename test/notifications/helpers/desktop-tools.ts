import fs from 'node:fs';
import path from 'node:path';

// The programs of the real notification path and the Debian package each comes from (CI installs them).
const TOOLS: Record<string, string> = {
  Xvfb: 'xvfb',
  'dbus-daemon': 'dbus',
  'dbus-send': 'dbus',
  'dbus-monitor': 'dbus',
  dunst: 'dunst',
  dunstctl: 'dunst',
};

/** Fails with what to install instead of letting a missing program surface as a spawn error or a timeout. */
export function requireDesktopTools(): void {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const missing = Object.keys(TOOLS).filter((tool) => !dirs.some((dir) => isExecutable(path.join(dir, tool))));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((tool) => TOOLS[tool]))].join(' ');
  throw new Error(
    `The real desktop notification test needs ${missing.join(', ')}, not found on PATH. Install them (Debian/Ubuntu: apt-get install ${packages} dbus-x11) and run it again.`,
  );
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
