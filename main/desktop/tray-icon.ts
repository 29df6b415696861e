import path from 'node:path';
import type { TrayLevel } from '../../preload/contract';

// macOS menu bars want monochrome template images (the name must end in "Template");
// other platforms get coloured icons so the state is visible at a glance.
export function trayIconFile(resourcesDir: string, level: TrayLevel | null, platform: NodeJS.Platform): string {
  const state = level ?? 'unknown';
  const name = platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`;
  return path.join(resourcesDir, 'tray', name);
}
