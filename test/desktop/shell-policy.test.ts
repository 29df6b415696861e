import { describe, expect, it } from 'vitest';
import { checkWindowMessage } from '../../main/desktop/ipc-input';
import { decideRestart } from '../../main/desktop/restart-policy';
import { compactChecklistWindow, isAllowedNavigation, routeHash } from '../../main/desktop/window-policy';

describe('window policy', () => {
  it('allows only our own page, with any route', () => {
    const entry = 'file:///opt/Trayage/resources/app.asar/dist/renderer/index.html';
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
  it('accepts a JSON string and refuses anything else with an envelope', () => {
    expect(checkWindowMessage('{"id":1}')).toEqual({ ok: true, text: '{"id":1}' });
    const notString = checkWindowMessage({ id: 1 });
    expect(notString.ok).toBe(false);
    expect(JSON.parse((notString as { reply: string }).reply).error.code).toBe('bad_request');
    const big = checkWindowMessage('x'.repeat(2_000_000));
    expect(JSON.parse((big as { reply: string }).reply).error.code).toBe('too_large');
  });
});
