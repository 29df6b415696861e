import type { Lifecycle } from '../../../preload/contract';
import type { RpcRegistry } from '../rpc/rpc-registry';
import type { IncidentStore } from './incident-store';

export function registerIncidentHandlers(
  registry: RpcRegistry,
  store: IncidentStore,
  lifecycle: Lifecycle,
  actor: string,
  changed: (id: number) => void,
): void {
  const mutating = <T extends { id: number } | { incidentId: number }>(result: T): T => {
    changed('incidentId' in result ? result.incidentId : result.id);
    return result;
  };
  registry.handle('incidents.lifecycle', () => lifecycle);
  registry.handle('incidents.list', (p) => store.list(p.status, p.limit));
  registry.handle('incidents.get', (p) => store.get(p.id));
  registry.handle('incidents.declare', (p) => mutating(store.declare(p, actor)));
  registry.handle('incidents.update', ({ id, ...patch }) => mutating(store.update(id, patch, actor)));
  registry.handle('incidents.setStatus', (p) => mutating(store.setStatus(p.id, p.status, p.note, actor)));
  registry.handle('incidents.addNote', (p) => mutating(store.addNote(p.id, p.text, actor)));
}
