import { useEffect, useState } from 'react';

export type Route =
  | { view: 'log' }
  | { view: 'declare' }
  | { view: 'incident'; id: number }
  | { view: 'checklist'; id: number }
  | { view: 'postmortem'; id: number }
  | { view: 'history' }
  | { view: 'settings' }
  | { view: 'alerts' };

const WITH_ID = /^#\/incidents\/(\d+)(?:\/(checklist|postmortem))?$/;

export function parseRoute(hash: string): Route {
  const match = WITH_ID.exec(hash);
  if (match) {
    const id = Number(match[1]);
    if (match[2] === 'checklist') return { view: 'checklist', id };
    if (match[2] === 'postmortem') return { view: 'postmortem', id };
    return { view: 'incident', id };
  }
  if (hash === '#/declare') return { view: 'declare' };
  if (hash === '#/history') return { view: 'history' };
  if (hash === '#/settings') return { view: 'settings' };
  if (hash === '#/alerts' || hash.startsWith('#/alerts/')) return { view: 'alerts' };
  return { view: 'log' };
}

export function routeToHash(route: Route): string {
  switch (route.view) {
    case 'incident':
      return `#/incidents/${route.id}`;
    case 'checklist':
    case 'postmortem':
      return `#/incidents/${route.id}/${route.view}`;
    case 'log':
      return '#/';
    default:
      return `#/${route.view}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeToHash(route);
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
