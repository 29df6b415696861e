import { useEffect } from 'react';
import { create } from 'zustand';
import { type Route, routeToHash } from './use-hash-route';

// Where Escape leads from the view on screen, for a view that knows its parent only from its data
// (a run belongs to an incident once it has loaded). Other views go back by their route alone.
const useEscapeTarget = create<{ route: Route | null }>()(() => ({ route: null }));

export function useEscapeTo(route: Route | null): void {
  const hash = route ? routeToHash(route) : null;
  useEffect(() => {
    useEscapeTarget.setState({ route });
    return () => useEscapeTarget.setState({ route: null });
    // Keyed by the hash: a new object for the same route must not re-run this.
  }, [hash]);
}

/** One level up from `route`: a run or launcher to its incident, an incident to the log. */
export function parentOf(route: Route): Route | null {
  const declared = useEscapeTarget.getState().route;
  if (declared) return declared;
  switch (route.view) {
    case 'log':
      return null;
    case 'checklist':
    case 'postmortem':
      return { view: 'incident', id: route.id };
    case 'monitor':
      return { view: 'monitors' };
    case 'run-launch':
      return route.incidentId === null ? { view: 'ssh' } : { view: 'incident', id: route.incidentId };
    case 'run':
      return { view: 'run-launch', incidentId: null };
    default:
      return { view: 'log' };
  }
}
