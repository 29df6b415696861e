import { create } from 'zustand';
import type { ConnectionState } from '../transport/connection-state';

interface Connection {
  state: ConnectionState;
  // How often the link has come back after being lost: events sent meanwhile were missed.
  regained: number;
}

export const useConnection = create<Connection>()(() => ({ state: 'connecting', regained: 0 }));

let lost = false;

export function setConnection(state: ConnectionState): void {
  const back = state === 'open' && lost;
  if (state === 'closed') lost = true;
  if (state === 'open') lost = false;
  useConnection.setState((c) => ({ state, regained: back ? c.regained + 1 : c.regained }));
}

export function onReconnect(listener: () => void): () => void {
  return useConnection.subscribe((now, before) => {
    if (now.regained !== before.regained) listener();
  });
}
