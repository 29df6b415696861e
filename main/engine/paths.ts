import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Trayage';
export const DB_FILE_NAME = 'trayage.db';

// Mirrors Electron's app.getPath('userData') so the desktop app, `serve` and the CLI share one database by default.
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.TRAYAGE_DATA_DIR) return env.TRAYAGE_DATA_DIR;
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export function databaseFile(dataDir: string): string {
  return path.join(dataDir, DB_FILE_NAME);
}
