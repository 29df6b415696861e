import type { TrayTarget } from '../../preload/contract';
import type { Route } from '../routes';

/** Where a notice leads: its incident or monitor, else the list it belongs to. */
export function routeOfTarget(target: TrayTarget | null): Route | null {
  if (!target) return null;
  if (target.kind === 'notices') return { view: 'notices' };
  // An empty id (a summary of many notices) leads to the list of its kind.
  const id = target.id === '' ? Number.NaN : Number(target.id);
  if (target.kind === 'incident') return Number.isInteger(id) ? { view: 'incident', id } : { view: 'log' };
  if (target.kind === 'monitor') return Number.isInteger(id) ? { view: 'monitor', id } : { view: 'monitors' };
  return { view: 'alerts' };
}
