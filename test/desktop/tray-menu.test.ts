import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TrayState } from '../../preload/contract';
import { TRAY_LEVELS } from '../../preload/contract';
import { buildTrayMenu, trayTooltip } from '../../main/desktop/tray-menu';
import { trayIconFile } from '../../main/desktop/tray-icon';

const now = Date.UTC(2026, 10, 23, 3, 0, 0);
const state = (n: number): TrayState => ({
  level: 'down',
  summary: `${n} open incidents`,
  openIncidents: Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    title: i === 0 ? 'Checkout returns 502 for every customer in the EU region since deploy' : `incident ${i + 1}`,
    severity: i === 0 ? 'P1' : 'P3',
    status: 'investigating',
    createdAt: now - (i + 1) * 65 * 60_000,
  })),
});

describe('tray menu', () => {
  it('lists open incidents with severity and age, then the fixed actions', () => {
    const menu = buildTrayMenu(state(2), now);
    const labels = menu.map((m) => (m.type === 'separator' ? '---' : m.label));
    expect(labels).toEqual([
      '2 open incidents',
      'P1  Checkout returns 502 for every customer in the …  · 1h 5m',
      'P3  incident 2  · 2h 10m',
      '---',
      'Declare incident…',
      'Open Trayage',
      '---',
      'Quit',
    ]);
    expect(menu[1]).toMatchObject({ action: { kind: 'open-incident', id: 1 }, enabled: true });
    expect(menu.at(-1)).toMatchObject({ action: { kind: 'quit' } });
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
    expect(buildTrayMenu({ level: 'ok', summary: 'All clear', openIncidents: [] }, now)[0]).toMatchObject({ label: 'No open incidents' });
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
