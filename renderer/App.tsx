import { useEffect, useRef } from 'react';
import { useApi } from './app-context';
import { NavBar } from './NavBar';
import { NoticeBanners } from './notices/NoticeBanners';
import { useNotices } from './notices/use-notices';
import { useConnection } from './store/connection';
import { parentOf } from './use-escape-to';
import { navigate, type Route, useHashRoute } from './use-hash-route';
import { AlertsView } from './views/alerts/AlertsView';
import { ImportView } from './views/packs/ImportView';
import { ChecklistWindow } from './views/ChecklistWindow';
import { DeclareForm } from './views/DeclareForm';
import { HistoryView } from './views/HistoryView';
import { IncidentLog } from './views/IncidentLog';
import { IncidentView } from './views/IncidentView';
import { MonitorDetail } from './views/monitors/MonitorDetail';
import { MonitorsView } from './views/monitors/MonitorsView';
import { NoticesView } from './views/notices/NoticesView';
import { PostmortemView } from './views/PostmortemView';
import { PassphraseDialog } from './views/run/PassphraseDialog';
import { RunLauncher } from './views/run/RunLauncher';
import { RunView } from './views/run/RunView';
import { SshView } from './views/run/SshView';
import { SettingsView } from './views/SettingsView';

const GO_TO: Record<string, Route> = { i: { view: 'log' }, h: { view: 'history' }, s: { view: 'settings' }, a: { view: 'alerts' }, r: { view: 'ssh' }, m: { view: 'monitors' }, n: { view: 'notices' }, b: { view: 'import' } };

export function App() {
  const route = useHashRoute();
  const connection = useConnection((c) => c.state);
  const pendingG = useRef(false);
  useNotices(useApi());

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.matches('input, textarea, select, [contenteditable]');
      if (event.key === 'Escape') {
        // The first Escape leaves the field, so a half-written note is not dropped by leaving the view.
        if (typing) return (event.target as HTMLElement).blur();
        const parent = parentOf(route);
        if (parent) navigate(parent);
        return;
      }
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (pendingG.current && GO_TO[event.key]) {
        navigate(GO_TO[event.key]);
      } else if (event.key === 'n' && route.view === 'log') {
        event.preventDefault();
        navigate({ view: 'declare' });
      }
      pendingG.current = event.key === 'g';
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [route]);

  const compact = route.view === 'checklist';
  return (
    <div className={compact ? 'app compact' : 'app'}>
      {!compact && <NavBar current={route.view} />}
      {connection === 'denied' && (
        <div className="banner warn" role="alert">
          This page&apos;s access token is no longer valid: open the link <code>trayage serve</code> printed (or run <code>trayage serve --open</code>).
        </div>
      )}
      {connection !== 'open' && connection !== 'denied' && (
        <div className="banner warn" role="status">
          {connection === 'connecting' ? 'Connecting to Trayage…' : 'Disconnected from Trayage — reconnecting…'}
        </div>
      )}
      <NoticeBanners />
      <main>
        {route.view === 'log' && <IncidentLog />}
        {route.view === 'declare' && <DeclareForm />}
        {route.view === 'incident' && <IncidentView key={route.id} id={route.id} />}
        {route.view === 'checklist' && <ChecklistWindow key={route.id} id={route.id} />}
        {route.view === 'postmortem' && <PostmortemView key={route.id} id={route.id} />}
        {route.view === 'history' && <HistoryView />}
        {route.view === 'settings' && <SettingsView />}
        {route.view === 'alerts' && <AlertsView />}
        {route.view === 'import' && <ImportView />}
        {route.view === 'monitors' && <MonitorsView />}
        {route.view === 'monitor' && <MonitorDetail key={route.id} id={route.id} />}
        {route.view === 'notices' && <NoticesView />}
        {route.view === 'run-launch' && <RunLauncher incidentId={route.incidentId} />}
        {route.view === 'run' && <RunView id={route.id} />}
        {route.view === 'ssh' && <SshView />}
      </main>
      <PassphraseDialog />
    </div>
  );
}
