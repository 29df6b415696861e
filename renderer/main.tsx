import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiContext, StoreContext } from './app-context';
import { createIncidentsStore } from './store/incidents-store';
import { connect } from './transport/connect';
import './styles.css';

let setConnection: (state: 'connecting' | 'open' | 'closed') => void = () => {};
const api = connect((state) => setConnection(state));
const store = createIncidentsStore(api);
setConnection = (state) => {
  store.getState().setConnection(state);
  if (state === 'open') void store.getState().refresh().catch(() => {});
};
// Electron's bridge is open before the store exists; a WebSocket reports later.
if ((window as unknown as Record<string, unknown>).trayageBridge) setConnection('open');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <StoreContext.Provider value={store}>
        <App />
      </StoreContext.Provider>
    </ApiContext.Provider>
  </StrictMode>,
);
