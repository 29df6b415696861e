import type { TrayTarget } from '../../preload/contract';
import type { Route } from '../use-hash-route';

/** Where a notice leads: its incident or monitor, else the list it belongs to. */
export function routeOfTarget(target: TrayTarget | null): Route | null {
  if (!target) return null;
  const id = Number(target.id);
  if (target.kind === 'incident' && Number.isInteger(id)) return { view: 'incident', id };
  if (target.kind === 'monitor') return Number.isInteger(id) ? { view: 'monitor', id } : { view: 'monitors' };
  return { view: 'alerts' };
}
