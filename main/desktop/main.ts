import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, Notification, session, shell, Tray } from 'electron';
import path from 'node:path';
import { EventEnvelope, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, TrayState, TrayTarget } from '../../preload/contract';
import { EngineSupervisor } from './engine-supervisor';
import { keychainProtectedKey } from './keychain-key';
import { checkSender, checkWindowMessage } from './ipc-input';
import { isPermissionGranted } from './permission-policy';
import { buildTrayMenu, type TrayAction, trayTooltip } from './tray-menu';
import { trayIconFile } from './tray-icon';
import { createSecureWindow } from './secure-window';
import { CONTENT_SECURITY_POLICY, linkDestination, routeHash, windowOpenDecision } from './window-policy';

const distDir = __dirname;
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(distDir, '..', 'resources');
const rendererEntry = path.join(distDir, 'renderer', 'index.html');
const rendererUrl = new URL(`file://${rendererEntry}`).href;

let tray: Tray | null = null;
let window: BrowserWindow | null = null;
let trayState: TrayState | null = null;
let engine: EngineSupervisor | null = null;
// Countdowns and ages in the tray menu go stale; rebuild it this often.
const TRAY_REFRESH_MS = 30_000;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => showWindow('/'));
  app.whenReady().then(startShell);
}

function startShell(): void {
  const dataDir = app.getPath('userData');
  hardenSessions();
  const supervisor = (engine = new EngineSupervisor(path.join(distDir, 'engine-host.cjs'), dataDir, keychainProtectedKey(dataDir), {
    onEvent: relayEvent,
    onReady: () => void refreshTray(supervisor),
    onRestart: (reason) => new Notification({ title: 'Trayage engine restarted', body: reason }).show(),
    onGiveUp: (reason) => {
      updateTray(null);
      dialog.showErrorBox('Trayage cannot start its engine', reason);
    },
  }));
  ipcMain.handle(IPC_CALL_CHANNEL, (event, message: unknown) => {
    const sender = checkSender(event, rendererUrl);
    if (!sender.ok) return sender.reply;
    const checked = checkWindowMessage(message);
    return checked.ok ? supervisor.call(checked.text) : checked.reply;
  });
  tray = new Tray(nativeImage.createFromPath(trayIconFile(resourcesDir, null, process.platform)));
  tray.on('click', () => showWindow('/'));
  updateTray(null);
  setInterval(() => updateTray(trayState), TRAY_REFRESH_MS).unref();
  supervisor.start();
  app.on('before-quit', () => supervisor.stop());
  // A tray app keeps running with every window closed.
  app.on('window-all-closed', () => {});
}

function relayEvent(text: string): void {
  const parsed = EventEnvelope.safeParse(safeJson(text));
  if (!parsed.success) return;
  if (parsed.data.event === 'tray.changed') {
    const state = TrayState.safeParse(parsed.data.payload);
    if (state.success) updateTray(state.data);
  }
  if (parsed.data.event === 'notification.clicked') {
    const target = TrayTarget.safeParse(parsed.data.payload);
    if (target.success) showWindow(routeHash({ kind: 'open-target', target: target.data }));
  }
  for (const win of BrowserWindow.getAllWindows()) win.webContents.send(IPC_EVENT_CHANNEL, text);
}

async function refreshTray(supervisor: EngineSupervisor): Promise<void> {
  const reply = safeJson(await supervisor.call(JSON.stringify({ id: 'tray', method: 'tray.state', params: {} })));
  const state = TrayState.safeParse((reply as { result?: unknown } | null)?.result);
  if (state.success) updateTray(state.data);
}

function updateTray(state: TrayState | null): void {
  trayState = state;
  if (!tray) return;
  tray.setImage(nativeImage.createFromPath(trayIconFile(resourcesDir, state?.level ?? null, process.platform)));
  tray.setToolTip(trayTooltip(state));
  const template = buildTrayMenu(trayState, Date.now()).map((spec) =>
    spec.type === 'separator'
      ? { type: 'separator' as const }
      : { label: spec.label, enabled: spec.enabled, click: spec.action ? () => runAction(spec.action!) : undefined },
  );
  tray.setContextMenu(Menu.buildFromTemplate(template));
}

function runAction(action: TrayAction): void {
  if (action.kind === 'quit') app.quit();
  else if (action.kind === 'snooze-all' || action.kind === 'resume-notifications') {
    const minutes = action.kind === 'snooze-all' ? action.minutes : 0;
    void engine?.call(JSON.stringify({ id: 'snooze', method: 'notifications.snooze', params: { scope: 'all', minutes } }));
  } else showWindow(routeHash(action));
}

function showWindow(route: string): void {
  if (!window || window.isDestroyed()) {
    window = createSecureWindow(path.join(distDir, 'preload.cjs'));
    window.once('ready-to-show', () => window?.show());
    void window.loadFile(rendererEntry, { hash: route });
  } else {
    void window.loadFile(rendererEntry, { hash: route });
    window.show();
  }
  window.focus();
}

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) =>
    callback(isPermissionGranted(permission, details.requestingUrl, rendererUrl)),
  );
  session.defaultSession.setPermissionCheckHandler((_wc, permission, _origin, details) =>
    isPermissionGranted(permission, details.requestingUrl, rendererUrl),
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url, rendererUrl);
      if (decision.kind === 'external') openExternally(decision.url);
      // The child inherits the opener's webPreferences (isolated, sandboxed, same preload).
      return decision.kind === 'compact-checklist'
        ? { action: 'allow', overrideBrowserWindowOptions: { ...decision.window, alwaysOnTop: true, backgroundColor: '#15171c' } }
        : { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      const destination = linkDestination(event.url, rendererUrl);
      if (destination.kind === 'app') return;
      event.preventDefault();
      if (destination.kind === 'external') openExternally(destination.url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

// Opening fails where no app handles the scheme (no mail client, say); nothing in the window waits
// on it, so the failure is only logged.
function openExternally(url: string): void {
  // Reviewed: every caller passes a URL the link policy returned (main/shared/link-policy.ts).
  shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
    .catch((err: unknown) => console.warn(`Could not open ${url}: ${err instanceof Error ? err.message : String(err)}`));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
