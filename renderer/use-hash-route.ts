import { useEffect, useState } from 'react';

export type Route = { view: 'log' } | { view: 'incident'; id: number } | { view: 'declare' };

export function parseRoute(hash: string): Route {
  const incident = /^#\/incidents\/(\d+)$/.exec(hash);
  if (incident) return { view: 'incident', id: Number(incident[1]) };
  if (hash === '#/declare') return { view: 'declare' };
  return { view: 'log' };
}

export function navigate(route: Route): void {
  window.location.hash = route.view === 'incident' ? `#/incidents/${route.id}` : route.view === 'declare' ? '#/declare' : '#/';
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
