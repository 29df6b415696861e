import type { TrayState } from '../../preload/contract';
import { formatAge } from '../shared/format-age';

export type TrayAction =
  | { kind: 'open-incident'; id: number }
  | { kind: 'declare' }
  | { kind: 'open' }
  | { kind: 'quit' };

export type MenuSpec = { type: 'separator' } | { type: 'item'; label: string; action?: TrayAction; enabled: boolean };

const MAX_LISTED = 8;

// Pure: engine state in, menu description out. The shell maps it onto Electron's Menu.
export function buildTrayMenu(state: TrayState | null, now: number): MenuSpec[] {
  const items: MenuSpec[] = [];
  if (!state) {
    items.push({ type: 'item', label: 'Engine starting…', enabled: false });
  } else if (state.openIncidents.length === 0) {
    items.push({ type: 'item', label: 'No open incidents', enabled: false });
  } else {
    items.push({ type: 'item', label: state.summary, enabled: false });
    for (const incident of state.openIncidents.slice(0, MAX_LISTED)) {
      items.push({
        type: 'item',
        label: `${incident.severity}  ${truncate(incident.title, 48)}  · ${formatAge(now - incident.createdAt)}`,
        action: { kind: 'open-incident', id: incident.id },
        enabled: true,
      });
    }
    if (state.openIncidents.length > MAX_LISTED) {
      items.push({ type: 'item', label: `…and ${state.openIncidents.length - MAX_LISTED} more`, action: { kind: 'open' }, enabled: true });
    }
  }
  items.push(
    { type: 'separator' },
    { type: 'item', label: 'Declare incident…', action: { kind: 'declare' }, enabled: state !== null },
    { type: 'item', label: 'Open Trayage', action: { kind: 'open' }, enabled: true },
    { type: 'separator' },
    { type: 'item', label: 'Quit', action: { kind: 'quit' }, enabled: true },
  );
  return items;
}

export function trayTooltip(state: TrayState | null): string {
  if (!state) return 'Trayage — engine starting';
  return `Trayage — ${state.summary}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
