import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayState } from '../../preload/contract';
import { TRAY_LEVELS } from '../../preload/contract';
import { buildTrayMenu, trayTooltip } from '../../main/desktop/tray-menu';
import { trayIconFile } from '../../main/desktop/tray-icon';
import { routeHash } from '../../main/desktop/window-policy';

const now = Date.UTC(2026, 10, 23, 3, 0, 0);
const state = (n: number, extra: Partial<TrayState> = {}): TrayState => ({
  level: 'down',
  summary: `${n} open incidents`,
  problems: [],
  snoozedUntil: null,
  openIncidents: Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    title: i === 0 ? 'Checkout returns 502 for every customer in the EU region since deploy' : `incident ${i + 1}`,
    severity: i === 0 ? 'P1' : 'P3',
    status: 'investigating',
    createdAt: now - (i + 1) * 65 * 60_000,
    nextTimer: i === 0 ? { kind: 'update', label: 'Status update due', dueAt: now + 4 * 60_000, overdue: false } : null,
  })),
  ...extra,
});
const labels = (menu: ReturnType<typeof buildTrayMenu>) => menu.map((m) => (m.type === 'separator' ? '---' : m.label));

describe('tray menu', () => {
  it('lists open incidents with severity, age and the nearest timer, then the fixed actions', () => {
    const menu = buildTrayMenu(state(2), now);
    expect(labels(menu)).toEqual([
      '2 open incidents',
      'P1  Checkout returns 502 for every customer in the …  · 1h 5m  · update in 4m',
      'P3  incident 2  · 2h 10m',
      '---',
      'Snooze all for 1 h',
      'Declare incident…',
      'Run diagnostics…',
      'Open Trayage',
      '---',
      'Quit',
    ]);
    expect(menu[1]).toMatchObject({ action: { kind: 'open-incident', id: 1 }, enabled: true });
    expect(menu[4]).toMatchObject({ action: { kind: 'snooze-all', minutes: 60 } });
    expect(menu.at(-1)).toMatchObject({ action: { kind: 'quit' } });
  });

  it('puts what is down first, with its age, and says when a timer is overdue', () => {
    const s = state(1, {
      summary: '1 down, 1 open incident',
      problems: [{ key: 'm:3', label: 'heroforge ready: HTTP 503', level: 'down', since: now - 7 * 60_000, target: { kind: 'monitor', id: '3' } }],
    });
    s.openIncidents[0].nextTimer = { kind: 'ack', label: 'Acknowledge', dueAt: now - 3 * 60_000, overdue: true };
    const menu = buildTrayMenu(s, now);
    expect(labels(menu).slice(0, 4)).toEqual([
      '1 down, 1 open incident',
      '✖ heroforge ready: HTTP 503  · 7m',
      '---',
      'P1  Checkout returns 502 for every customer in the …  · 1h 5m  · ack overdue 3m',
    ]);
    expect(menu[1]).toMatchObject({ action: { kind: 'open-target', target: { kind: 'monitor', id: '3' } } });
    expect(routeHash({ kind: 'open-target', target: { kind: 'monitor', id: '3' } })).toBe('/monitors/3');
    expect(routeHash({ kind: 'run-diagnostics' })).toBe('/run');
  });

  it('leads a click on a summary of many notices (an empty id) to the list of their kind', () => {
    expect(routeHash({ kind: 'open-target', target: { kind: 'monitor', id: '' } })).toBe('/monitors');
    expect(routeHash({ kind: 'open-target', target: { kind: 'incident', id: '' } })).toBe('/');
    expect(routeHash({ kind: 'open-target', target: { kind: 'alert', id: '' } })).toBe('/alerts');
    expect(routeHash({ kind: 'open-target', target: { kind: 'notices', id: '' } })).toBe('/notices');
  });

  it('offers to resume while notifications are snoozed', () => {
    const menu = buildTrayMenu(state(0, { level: 'ok', summary: 'All clear', snoozedUntil: now + 45 * 60_000 }), now);
    expect(labels(menu)).toContain('Notifications snoozed for 45m — resume');
    expect(menu.find((m) => m.type === 'item' && m.action?.kind === 'resume-notifications')).toBeTruthy();
  });

  it('caps the list and links to the window for the rest', () => {
    const menu = buildTrayMenu(state(11), now);
    expect(menu.filter((m) => m.type === 'item' && m.action?.kind === 'open-incident')).toHaveLength(8);
    expect(menu).toContainEqual({ type: 'item', label: '…and 3 more', action: { kind: 'open' }, enabled: true });
  });

  it('shows a starting engine and an all-clear state', () => {
    const starting = buildTrayMenu(null, now);
    expect(starting[0]).toEqual({ type: 'item', label: 'Engine starting…', enabled: false });
    expect(starting.find((m) => m.type === 'item' && m.label === 'Declare incident…')).toMatchObject({ enabled: false });
    expect(buildTrayMenu(state(0, { level: 'ok', summary: 'All clear' }), now)[0]).toMatchObject({ label: 'All clear — no open incidents' });
    expect(trayTooltip(null)).toBe('Trayage — engine starting');
    expect(trayTooltip(state(2))).toBe('Trayage — 2 open incidents');
  });

  it('has an icon file for every state, coloured and macOS template', () => {
    const resources = path.resolve(__dirname, '../../resources');
    for (const level of [...TRAY_LEVELS, null]) {
      for (const platform of ['linux', 'darwin', 'win32'] as const) {
        const file = trayIconFile(resources, level, platform);
        expect(fs.existsSync(file), file).toBe(true);
        expect(fs.existsSync(file.replace('.png', '@2x.png'))).toBe(true);
        expect(path.basename(file).includes('Template')).toBe(platform === 'darwin');
      }
    }
  });
});
