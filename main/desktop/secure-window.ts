import { BrowserWindow } from 'electron';

// webPreferences stay a literal at the constructor so the security scan (electronegativity) can read them.
export function createSecureWindow(preload: string, title = 'Trayage'): BrowserWindow {
  return new BrowserWindow({
    title,
    width: 1000,
    height: 720,
    minWidth: 480,
    minHeight: 360,
    show: false,
    backgroundColor: '#15171c',
    webPreferences: {
      // Reviewed: the preload only exposes two envelope-carrying functions through contextBridge (preload/index.ts).
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
