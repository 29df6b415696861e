import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { TrayageApi } from '../preload/contract';
import type { IncidentsState, IncidentsStore } from './store/incidents-store';

export const StoreContext = createContext<IncidentsStore | null>(null);
export const ApiContext = createContext<TrayageApi | null>(null);

export function useIncidents<T>(selector: (state: IncidentsState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useIncidents must be used inside <StoreContext.Provider>');
  return useStore(store, selector);
}

export function useApi(): TrayageApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return api;
}
