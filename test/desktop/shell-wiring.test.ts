import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRestart } from '../../main/desktop/restart-policy';
import { trayIconFile } from '../../main/desktop/tray-icon';
import { buildTrayMenu, type TrayAction, trayTooltip } from '../../main/desktop/tray-menu';
import { databaseFile } from '../../main/engine/paths';
import type { TrayState } from '../../preload/contract';
import { IPC_CALL_CHANNEL } from '../../preload/contract/api';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { DIST, type ShellProcess, type ShellRecord, startShell } from './shell-process';

// Electron cannot run here, so the built shell runs under Node with a recording stand-in for the
// electron module (fake-electron/). The engine host it forks and the preload it loads are the real
// built ones. This proves the shell's wiring, not Electron.
const RESOURCES = path.resolve(DIST, '..', 'resources');
const APP_PAGE = pathToFileURL(path.join(DIST, 'renderer', 'index.html')).href;
const STEP_MS = 90_000;

describe('desktop shell wiring', () => {
  let userData: string;
  let shell: ShellProcess;
  let engine: ShellRecord;
  let secretKey: string;
  let trayState: TrayState;

  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'desktop.cjs'))) throw new Error('dist/desktop.cjs is missing: run `npm run build` first (`npm test` does).');
    userData = tempDir('trayage-shell-');
    shell = startShell(userData);
  });

  afterAll(async () => {
    await shell?.kill();
    if (userData) removeDir(userData);
  });

  it('starts the real engine host in a utility process once the app is ready', async () => {
    engine = await shell.next('utility.fork');
    const lock = await shell.next('app.requestSingleInstanceLock');
    const ready = await shell.next('app.ready');
    expect(lock.result).toBe(true);
    expect(lock.seq).toBeLessThan(ready.seq);
    expect(ready.seq).toBeLessThan(engine.seq);
    expect(engine).toMatchObject({ modulePath: path.join(DIST, 'engine-host.cjs'), args: ['--data-dir', userData] });

    // The first message hands over the key the keychain sealed; the engine then opens the user data folder.
    const start = await shell.next('utility.postMessage', { after: engine });
    expect(start.message).toMatchObject({ type: 'start', secretKey: expect.any(String) });
    secretKey = start.message.secretKey;
    expect(Buffer.from(secretKey, 'base64')).toHaveLength(32);
    const engineReady = await engineMessage(engine, 'ready');
    expect(engineReady.message.dataDir).toBe(userData);
    expect(fs.existsSync(databaseFile(userData))).toBe(true);
  }, STEP_MS);

  it('shows "engine starting" in the tray, then the state the engine reports', async () => {
    const created = await shell.next('tray.new');
    expect(created).toMatchObject({ image: trayIconFile(RESOURCES, null, process.platform), empty: false });
    expect((await shell.next('tray.setToolTip')).text).toBe(trayTooltip(null));

    const answer = await engineAnswer(engine, 'tray.state');
    trayState = answer.reply.result;
    const image = await shell.next('tray.setImage', { after: answer.record });
    const tooltip = await shell.next('tray.setToolTip', { after: answer.record });
    const menu = await shell.next('tray.setContextMenu', { after: answer.record });
    expect(image).toMatchObject({ image: trayIconFile(RESOURCES, trayState.level, process.platform), empty: false });
    expect(tooltip.text).toBe(trayTooltip(trayState));
    expect(itemsOf(menu)).toEqual(
      buildTrayMenu(trayState, Date.now()).flatMap((spec) => (spec.type === 'item' ? [{ label: spec.label, enabled: spec.enabled }] : [])),
    );
  }, STEP_MS);

  it("round-trips a window's call through the preload's channel to the engine", async () => {
    shell.command('tray-click');
    const opened = await shell.next('window.new');
    expect(opened.options.webPreferences).toMatchObject({
      preload: path.join(DIST, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    const load = await shell.next('window.loadFile', { after: opened });
    expect(load.url).toBe(`${APP_PAGE}#/`);
    await shell.next('window.show', { after: load });

    const info = await shell.bridgeCall({ id: 1, method: 'app.info', params: {} });
    expect(info).toEqual({ id: 1, result: expect.objectContaining({ dataDir: userData, version: expect.any(String) }) });
    await shell.next('utility.postMessage', { after: opened, where: (r) => r.message.type === 'call' && JSON.parse(r.message.text).method === 'app.info' });

    // The same call from a frame that is not the app's page is refused by the shell.
    const args = [JSON.stringify({ id: 2, method: 'app.info' })];
    shell.command('ipc-invoke', { channel: IPC_CALL_CHANNEL, senderUrl: 'https://evil.example/', args });
    const refused = await shell.next('ipc.reply');
    expect(JSON.parse(refused.reply)).toMatchObject({ id: null, error: { code: 'bad_request' } });
    // So is a call that cannot show where it came from: its frame is gone, or has no URL.
    shell.command('ipc-invoke', { channel: IPC_CALL_CHANNEL, frameless: true, args });
    const frameless = await shell.next('ipc.reply', { after: refused });
    expect(JSON.parse(frameless.reply)).toMatchObject({ id: null, error: { code: 'bad_request' } });
    shell.command('ipc-invoke', { channel: IPC_CALL_CHANNEL, args });
    const urlless = await shell.next('ipc.reply', { after: frameless });
    expect(JSON.parse(urlless.reply)).toMatchObject({ id: null, error: { code: 'bad_request' } });
  }, STEP_MS);

  it('hands the links the link policy allows to the OS, never to a window, and opens nothing else', async () => {
    expect(await followLink('window-open', 'https://runbooks.example.com/db')).toEqual({ outcome: 'deny', opened: ['https://runbooks.example.com/db'] });
    expect(await followLink('window-open', 'file:///etc/passwd')).toEqual({ outcome: 'deny', opened: [] });
    expect(await followLink('window-open', `${APP_PAGE}#/incidents/1/checklist`)).toEqual({ outcome: 'allow', opened: [] });
    expect(await followLink('navigate', 'mailto:oncall@example.com')).toEqual({ outcome: 'prevented', opened: ['mailto:oncall@example.com'] });
    expect(await followLink('navigate', 'tel:+4930123456')).toEqual({ outcome: 'prevented', opened: ['tel:+4930123456'] });
    expect(await followLink('navigate', 'file:///etc/passwd')).toEqual({ outcome: 'prevented', opened: [] });
    expect(await followLink('navigate', 'JaVaScRiPt:alert(1)')).toEqual({ outcome: 'prevented', opened: [] });
    expect(await followLink('navigate', `${APP_PAGE}#/alerts`)).toEqual({ outcome: 'allowed', opened: [] });
  }, STEP_MS);

  it("grants the app's page notifications and clipboard writes, and refuses every other permission or page", async () => {
    const cases = [
      { permission: 'notifications', requestingUrl: `${APP_PAGE}#/`, granted: true },
      { permission: 'clipboard-sanitized-write', requestingUrl: `${APP_PAGE}#/incidents/1`, granted: true },
      { permission: 'media', requestingUrl: `${APP_PAGE}#/`, granted: false },
      { permission: 'notifications', requestingUrl: 'https://evil.example/', granted: false },
    ];
    for (const { permission, requestingUrl, granted } of cases) {
      for (const kind of ['request', 'check']) {
        const before = shell.records.at(-1);
        shell.command(`permission-${kind}`, { permission, requestingUrl });
        expect((await shell.next(`permission.${kind}`, { after: before })).granted, `${kind} ${permission} from ${requestingUrl}`).toBe(granted);
      }
    }
  }, STEP_MS);

  it("carries a tray action to the engine and the engine's tray event back to the tray and the window", async () => {
    const before = shell.records.at(-1);
    shell.bridgeSubscribe();
    shell.command('tray-menu-click', { label: menuLabel(trayState, 'snooze-all') });
    const call = await shell.next('utility.postMessage', { after: before, where: (r) => r.message.type === 'call' });
    expect(JSON.parse(call.message.text)).toMatchObject({ method: 'notifications.snooze', params: { scope: 'all', minutes: 60 } });
    const event = await shell.next('bridge.event', { after: call, where: (r) => r.event.event === 'tray.changed' });
    expect(event.event.payload.snoozedUntil).toBeGreaterThan(Date.now());
    // The tray follows the same event: its menu now offers to resume notifications.
    const snoozed = (r: ShellRecord) => itemsOf(r).some((item) => item.label.startsWith('Notifications snoozed') && item.enabled);
    await shell.next('tray.setContextMenu', { after: call, where: snoozed });
  }, STEP_MS);

  it('restarts a killed engine after the back-off the restart policy gives, with a notification', async () => {
    process.kill(engine.pid, 'SIGKILL');
    const exit = await shell.next('utility.exit', { where: (r) => r.pid === engine.pid });
    const notice = await shell.next('notification.show', { after: exit });
    const again = await shell.next('utility.fork', { after: exit });
    // The first crash: the policy has no earlier one to back off from.
    const policy = decideRestart([], Date.now(), exit.code);
    expect(notice).toMatchObject({ title: 'Trayage engine restarted', body: policy.reason });
    expect(notice.seq).toBeLessThan(again.seq);
    // Timers run on a whole-millisecond clock: allow one millisecond of rounding.
    expect(again.t - exit.t).toBeGreaterThanOrEqual(policy.delayMs - 1);
    expect(again.args).toEqual(engine.args);
    const start = await shell.next('utility.postMessage', { after: again });
    expect(start.message).toEqual({ type: 'start', secretKey });
    engine = again;

    // The new engine feeds the tray again, and windows reach it.
    const answer = await engineAnswer(engine, 'tray.state');
    expect((await shell.next('tray.setToolTip', { after: answer.record })).text).toBe(trayTooltip(answer.reply.result));
    expect(await shell.bridgeCall({ id: 3, method: 'app.info', params: {} })).toMatchObject({ id: 3, result: { dataDir: userData } });
  }, STEP_MS);

  it('refuses a second instance on the same user data folder: it quits without starting an engine', async () => {
    const second = startShell(userData);
    try {
      const lock = await second.next('app.requestSingleInstanceLock');
      expect(lock.result).toBe(false);
      await second.next('app.exit', { after: lock });
      expect(await second.exited).toBe(0);
      const kinds = second.records.map((r) => r.kind);
      expect(kinds).toContain('app.quit');
      expect(kinds).not.toContain('app.ready');
      expect(kinds).not.toContain('utility.fork');
      expect(kinds).not.toContain('tray.new');
    } finally {
      await second.kill();
    }
  }, STEP_MS);

  it('quits from the tray menu: the engine is told to shut down and the shell exits', async () => {
    shell.command('tray-menu-click', { label: menuLabel(trayState, 'quit') });
    const shutdown = await shell.next('utility.postMessage', { where: (r) => r.pid === engine.pid && r.message.type === 'shutdown' });
    await shell.next('app.exit', { after: shutdown });
    expect(await shell.exited).toBe(0);
  }, STEP_MS);

  // A link followed on the window's page (a click: `navigate`; target=_blank or window.open:
  // `window-open`), what the shell did with it, and what it handed to the OS meanwhile.
  async function followLink(how: 'navigate' | 'window-open', url: string): Promise<{ outcome: string; opened: string[] }> {
    const before = shell.records.at(-1);
    shell.command(how, { url });
    const answer = await shell.next(how === 'navigate' ? 'window.willNavigate' : 'window.open', { after: before, where: (r) => r.url === url });
    const opened = shell.records.filter((r) => r.kind === 'shell.openExternal' && r.seq > (before?.seq ?? -1) && r.seq < answer.seq).map((r) => r.url);
    return { outcome: how === 'navigate' ? (answer.prevented ? 'prevented' : 'allowed') : answer.action, opened };
  }

  // The engine's message of this type, from the given engine process.
  function engineMessage(fork: ShellRecord, type: string): Promise<ShellRecord> {
    return shell.next('utility.message', { after: fork, where: (r) => r.pid === fork.pid && r.message.type === type });
  }

  // The shell's own call of `method` to this engine and the engine's reply, as they crossed the process boundary.
  async function engineAnswer(fork: ShellRecord, method: string): Promise<{ record: ShellRecord; reply: any }> {
    const call = await shell.next('utility.postMessage', {
      after: fork,
      where: (r) => r.pid === fork.pid && r.message.type === 'call' && JSON.parse(r.message.text).method === method,
    });
    const record = await shell.next('utility.message', { after: call, where: (r) => r.message.type === 'reply' && r.message.seq === call.message.seq });
    return { record, reply: JSON.parse(record.message.text) };
  }
});

function itemsOf(menu: ShellRecord): { label: string; enabled: boolean }[] {
  return menu.items.filter((item: { type: string }) => item.type !== 'separator').map(({ label, enabled }: { label: string; enabled: boolean }) => ({ label, enabled }));
}

function menuLabel(state: TrayState, kind: TrayAction['kind']): string {
  const spec = buildTrayMenu(state, Date.now()).find((item) => item.type === 'item' && item.action?.kind === kind);
  if (spec?.type !== 'item') throw new Error(`the tray menu has no ${kind} item`);
  return spec.label;
}
