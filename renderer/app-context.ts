import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { IncidentsState, IncidentsStore } from './store/incidents-store';

export const StoreContext = createContext<IncidentsStore | null>(null);

export function useIncidents<T>(selector: (state: IncidentsState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useIncidents must be used inside <StoreContext.Provider>');
  return useStore(store, selector);
}
