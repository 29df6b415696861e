import type { EventPayload } from '../../preload/contract';
import { useQuery } from './use-query';

// The engine says null when the change came from outside (another process), which may concern any incident.
const concerns = (id: number) => (p: EventPayload<'incidents.changed'>) => p.id === null || p.id === id;

// Statuses and severities change only from settings, which the engine announces with a null id.
export function useLifecycle() {
  return useQuery('incidents.lifecycle', {}, { refreshOn: { 'incidents.changed': (p) => p.id === null } });
}

export function useIncidentList(status: string) {
  return useQuery('incidents.list', { status }, { refreshOn: { 'incidents.changed': true } });
}

// Fetched by id, so a view opened right after a declare shows its incident without waiting for any event.
export function useIncident(id: number) {
  return useQuery('incidents.get', { id }, { refreshOn: { 'incidents.changed': concerns(id) } });
}
