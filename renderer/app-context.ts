import { createContext, useContext } from 'react';
import type { TrayageApi } from '../preload/contract';

export const ApiContext = createContext<TrayageApi | null>(null);

export function useApi(): TrayageApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiContext.Provider>');
  return api;
}
