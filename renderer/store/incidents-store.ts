import { create } from 'zustand';
import type { DeclareIncidentParams, Incident, IncidentDetail, IncidentSummary, Lifecycle, ParamsOf, TrayageApi } from '../../preload/contract';
import type { ConnectionState } from '../transport/ws-bridge';

export interface IncidentsState {
  connection: ConnectionState;
  lifecycle: Lifecycle | null;
  filter: string;
  incidents: IncidentSummary[];
  detail: IncidentDetail | null;
  error: string | null;
  setConnection(state: ConnectionState): void;
  setFilter(filter: string): Promise<void>;
  refresh(): Promise<void>;
  open(id: number): Promise<void>;
  declare(input: DeclareIncidentParams): Promise<Incident>;
  setStatus(id: number, status: string, note?: string): Promise<void>;
  change(params: ParamsOf<'incidents.change'>): Promise<void>;
  reloadLifecycle(): Promise<void>;
  loadEarlier(id: number): Promise<void>;
  addNote(id: number, text: string): Promise<void>;
  clearError(): void;
}

export function createIncidentsStore(api: TrayageApi) {
  const store = create<IncidentsState>()((set, get) => {
    const guard = async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        const result = await work();
        set({ error: null });
        return result;
      } catch (err) {
        set({ error: (err as Error).message });
        throw err;
      }
    };
    return {
      connection: 'connecting',
      lifecycle: null,
      filter: 'open',
      incidents: [],
      detail: null,
      error: null,
      setConnection: (connection) => set({ connection }),
      async setFilter(filter) {
        set({ filter });
        await get().refresh();
      },
      async refresh() {
        await guard(async () => {
          const [lifecycle, incidents] = await Promise.all([
            get().lifecycle ?? api.call('incidents.lifecycle'),
            api.call('incidents.list', { status: get().filter }),
          ]);
          set({ lifecycle, incidents });
          const shown = get().detail;
          if (shown) set({ detail: await api.call('incidents.get', { id: shown.incident.id }) });
        });
      },
      async open(id) {
        await guard(async () => set({ detail: await api.call('incidents.get', { id }) }));
      },
      async declare(input) {
        return guard(async () => {
          const incident = await api.call('incidents.declare', input);
          await get().refresh();
          return incident;
        });
      },
      async setStatus(id, status, note) {
        await guard(async () => {
          await api.call('incidents.setStatus', { id, status, note });
          await get().open(id);
        });
      },
      async change(params) {
        await guard(async () => {
          await api.call('incidents.change', params);
          await get().open(params.id);
        });
      },
      async loadEarlier(id) {
        await guard(async () => {
          const shown = get().detail;
          if (!shown || shown.incident.id !== id || shown.timeline.length === 0) return;
          const older = await api.call('incidents.timeline', { id, beforeId: shown.timeline[0].id, limit: 2000 });
          set({ detail: { ...shown, timeline: [...older, ...shown.timeline] } });
        });
      },
      async reloadLifecycle() {
        await guard(async () => set({ lifecycle: await api.call('incidents.lifecycle') }));
      },
      async addNote(id, text) {
        await guard(async () => {
          await api.call('incidents.addNote', { id, text });
          await get().open(id);
        });
      },
      clearError: () => set({ error: null }),
    };
  });
  api.on('incidents.changed', () => void store.getState().refresh().catch(() => {}));
  return store;
}

export type IncidentsStore = ReturnType<typeof createIncidentsStore>;
