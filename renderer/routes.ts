// The windows' routes and their hashes; no DOM here, so tests and pure modules can use them.
export type Route =
  | { view: 'log' }
  | { view: 'declare' }
  | { view: 'incident'; id: number }
  | { view: 'checklist'; id: number }
  | { view: 'postmortem'; id: number }
  | { view: 'history' }
  | { view: 'settings' }
  | { view: 'alerts' }
  | { view: 'import' }
  | { view: 'run-launch'; incidentId: number | null }
  | { view: 'run'; id: number }
  | { view: 'ssh' }
  | { view: 'monitors' }
  | { view: 'notices' }
  | { view: 'monitor'; id: number };

const WITH_ID = /^#\/incidents\/(\d+)(?:\/(checklist|postmortem))?$/;

export function parseRoute(hash: string): Route {
  const launch = /^#\/(?:incidents\/(\d+)\/)?run$/.exec(hash);
  if (launch) return { view: 'run-launch', incidentId: launch[1] ? Number(launch[1]) : null };
  const run = /^#\/runs\/(\d+)$/.exec(hash);
  if (run) return { view: 'run', id: Number(run[1]) };
  if (hash === '#/ssh') return { view: 'ssh' };
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
  if (hash === '#/import') return { view: 'import' };
  if (hash === '#/notices') return { view: 'notices' };
  // The tray links #/monitors/offline and #/monitors/config to the list, numbers to one monitor.
  const monitor = /^#\/monitors(?:\/(\d+))?(?:\/.*)?$/.exec(hash);
  if (monitor) return monitor[1] ? { view: 'monitor', id: Number(monitor[1]) } : { view: 'monitors' };
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
    case 'run-launch':
      return route.incidentId === null ? '#/run' : `#/incidents/${route.incidentId}/run`;
    case 'run':
      return `#/runs/${route.id}`;
    case 'monitor':
      return `#/monitors/${route.id}`;
    default:
      return `#/${route.view}`;
  }
}
