import { useEffect } from 'react';
import { useIncidents } from './app-context';
import { navigate, useHashRoute } from './use-hash-route';
import { DeclareForm } from './views/DeclareForm';
import { IncidentLog } from './views/IncidentLog';
import { IncidentView } from './views/IncidentView';

export function App() {
  const route = useHashRoute();
  const connection = useIncidents((s) => s.connection);
  const error = useIncidents((s) => s.error);
  const clearError = useIncidents((s) => s.clearError);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.matches('input, textarea, select');
      if (event.key === 'Escape' && route.view !== 'log') navigate({ view: 'log' });
      if (!typing && event.key === 'n' && route.view === 'log') {
        event.preventDefault();
        navigate({ view: 'declare' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route.view]);

  return (
    <div className="app">
      {connection !== 'open' && (
        <div className="banner warn" role="status">
          {connection === 'connecting' ? 'Connecting to Trayage…' : 'Disconnected from Trayage — reconnecting…'}
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}{' '}
          <button type="button" onClick={clearError} aria-label="Dismiss error">
            ×
          </button>
        </div>
      )}
      <main>
        {route.view === 'log' && <IncidentLog />}
        {route.view === 'declare' && <DeclareForm />}
        {route.view === 'incident' && <IncidentView id={route.id} />}
      </main>
    </div>
  );
}
