import { describe, expect, it } from 'vitest';
import { checkSender, checkWindowMessage } from '../../main/desktop/ipc-input';
import { isPermissionGranted } from '../../main/desktop/permission-policy';
import { decideRestart } from '../../main/desktop/restart-policy';
import { compactChecklistWindow, isAllowedNavigation, linkDestination, routeHash, windowOpenDecision } from '../../main/desktop/window-policy';

const entry = 'file:///opt/Trayage/resources/app.asar/dist/renderer/index.html';

describe('window policy', () => {
  it('allows only our own page, with any route', () => {
    expect(isAllowedNavigation(`${entry}#/incidents/4`, entry)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', entry)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', entry)).toBe(false);
    expect(isAllowedNavigation('not a url', entry)).toBe(false);
    expect(routeHash({ kind: 'open-incident', id: 4 })).toBe('/incidents/4');
    expect(routeHash({ kind: 'declare' })).toBe('/declare');
    expect(compactChecklistWindow(`${entry}#/incidents/7/checklist`, entry)).toEqual({ width: 440, height: 680, title: 'Checklist — incident #7' });
    expect(compactChecklistWindow(`${entry}#/incidents/7`, entry)).toBeNull();
    expect(compactChecklistWindow('https://evil.example/#/incidents/7/checklist', entry)).toBeNull();
  });

  it('sends links the link policy allows to the OS, keeps our page in the app and drops the rest', () => {
    expect(linkDestination(`${entry}#/alerts`, entry)).toEqual({ kind: 'app' });
    expect(linkDestination('https://runbooks.example.com/db', entry)).toEqual({ kind: 'external', url: 'https://runbooks.example.com/db' });
    expect(linkDestination('mailto:oncall@example.com', entry)).toEqual({ kind: 'external', url: 'mailto:oncall@example.com' });
    expect(linkDestination('tel:+4930123456', entry)).toEqual({ kind: 'external', url: 'tel:+4930123456' });
    expect(linkDestination('file:///etc/passwd', entry)).toEqual({ kind: 'deny' });
    expect(linkDestination('JaVaScRiPt:alert(1)', entry)).toEqual({ kind: 'deny' });
    expect(linkDestination('https://user:pass@example.com/', entry)).toEqual({ kind: 'deny' });
  });

  it('opens a new window only for the compact checklist; an allowed external link opens in the OS instead', () => {
    expect(windowOpenDecision(`${entry}#/incidents/7/checklist`, entry)).toEqual({
      kind: 'compact-checklist',
      window: { width: 440, height: 680, title: 'Checklist — incident #7' },
    });
    expect(windowOpenDecision(`${entry}#/incidents/7`, entry)).toEqual({ kind: 'deny' });
    expect(windowOpenDecision('https://alertmanager.example.com/#/alerts', entry)).toEqual({ kind: 'external', url: 'https://alertmanager.example.com/#/alerts' });
    expect(windowOpenDecision('file:///etc/passwd', entry)).toEqual({ kind: 'deny' });
    expect(windowOpenDecision('data:text/html,<script>alert(1)</script>', entry)).toEqual({ kind: 'deny' });
  });
});

describe('permission policy', () => {
  it('grants our own page notifications and clipboard writes, and nothing else', () => {
    expect(isPermissionGranted('notifications', `${entry}#/incidents/4`, entry)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', entry, entry)).toBe(true);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionGranted(permission, entry, entry)).toBe(false);
    }
  });

  it('refuses a page that is not ours, or a request tied to no page', () => {
    expect(isPermissionGranted('notifications', 'https://evil.example/', entry)).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'file:///tmp/evil.html', entry)).toBe(false);
    expect(isPermissionGranted('notifications', undefined, entry)).toBe(false);
    expect(isPermissionGranted('notifications', '', entry)).toBe(false);
  });
});

describe('engine restart policy', () => {
  it('restarts with growing back-off and gives up on a crash loop', () => {
    const now = 1_000_000;
    expect(decideRestart([], now, 1)).toMatchObject({ restart: true, delayMs: 250 });
    expect(decideRestart([now - 5000, now - 3000], now, 1)).toMatchObject({ restart: true, delayMs: 500 });
    expect(decideRestart([now - 120_000, now - 100_000], now, 1)).toMatchObject({ restart: true, delayMs: 250 });
    const loop = decideRestart([1, 2, 3, 4, 5].map((s) => now - s * 1000), now, 1);
    expect(loop.restart).toBe(false);
    expect(loop.reason).toMatch(/crashed 5 times in a minute/);
  });

  it('does not restart an engine that refused its database', () => {
    expect(decideRestart([], 0, 3)).toMatchObject({ restart: false });
  });
});

describe('window messages', () => {
  it("accepts calls only from a frame showing our own page, and refuses a call whose frame or URL is missing", () => {
    const refused = (event: Parameters<typeof checkSender>[0]) => {
      const checked = checkSender(event, entry);
      return !checked.ok && JSON.parse(checked.reply).error.code === 'bad_request';
    };
    expect(checkSender({ senderFrame: { url: `${entry}#/incidents/4` } }, entry)).toEqual({ ok: true });
    expect(refused({ senderFrame: { url: 'https://evil.example/' } })).toBe(true);
    expect(refused({ senderFrame: { url: 'file:///tmp/evil.html' } })).toBe(true);
    // The frame navigated away or was destroyed before the handler ran.
    expect(refused({ senderFrame: null })).toBe(true);
    expect(refused({})).toBe(true);
    expect(refused({ senderFrame: { url: '' } })).toBe(true);
    // Electron throws on reading a disposed frame.
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(refused({ senderFrame: disposed })).toBe(true);
  });


  it('accepts a JSON string and refuses anything else with an envelope', () => {
    expect(checkWindowMessage('{"id":1}')).toEqual({ ok: true, text: '{"id":1}' });
    const notString = checkWindowMessage({ id: 1 });
    expect(notString.ok).toBe(false);
    expect(JSON.parse((notString as { reply: string }).reply).error.code).toBe('bad_request');
    const big = checkWindowMessage('x'.repeat(2_000_000));
    expect(JSON.parse((big as { reply: string }).reply).error.code).toBe('too_large');
  });
});
