import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ApiContext } from './app-context';
import { setConnection } from './store/connection';
import { connect } from './transport/connect';
import './styles.css';

const api = connect(setConnection);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>
  </StrictMode>,
);
