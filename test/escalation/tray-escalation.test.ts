import { describe, expect, it } from 'vitest';
import type { TrayState } from '../../preload/contract';
import { buildTrayMenu, trayTooltip } from '../../main/desktop/tray-menu';

const now = Date.UTC(2026, 10, 23, 3, 0, 0);
const MIN = 60_000;

describe('tray: on call and the next escalation step', () => {
  it('shows who is on call, and each incident\'s next step with who it reaches', () => {
    const state: TrayState = {
      level: 'down',
      summary: '1 open incident',
      problems: [],
      snoozedUntil: null,
      onCall: { person: 'Dana Lee', until: now + 6 * 60 * MIN },
      openIncidents: [
        {
          id: 4,
          title: 'Checkout returns 502',
          severity: 'P1',
          status: 'investigating',
          createdAt: now - 20 * MIN,
          nextTimer: null,
          nextEscalation: { label: 'L2 (Lee Park) by Pager', dueAt: now + 10 * MIN },
        },
      ],
    };
    const labels = buildTrayMenu(state, now).map((m) => (m.type === 'separator' ? '---' : m.label));
    expect(labels.slice(0, 4)).toEqual(['1 open incident', 'P1  Checkout returns 502  · 20m  · next: L2 (Lee Park) by Pager in 10m', 'On call: Dana Lee for 6h', '---']);
    expect(trayTooltip(state)).toBe('Trayage — 1 open incident · on call: Dana Lee');
  });
});
