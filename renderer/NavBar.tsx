import { EnableNotices } from './notices/EnableNotices';
import { type Route, routeToHash } from './use-hash-route';

const LINKS: { label: string; route: Route; key: string }[] = [
  { label: 'Incidents', route: { view: 'log' }, key: 'g i' },
  { label: 'Alerts', route: { view: 'alerts' }, key: 'g a' },
  { label: 'Monitors', route: { view: 'monitors' }, key: 'g m' },
  { label: 'Notices', route: { view: 'notices' }, key: 'g n' },
  { label: 'SSH', route: { view: 'ssh' }, key: 'g r' },
  { label: 'History', route: { view: 'history' }, key: 'g h' },
  { label: 'Runbooks', route: { view: 'import' }, key: 'g b' },
  { label: 'Settings', route: { view: 'settings' }, key: 'g s' },
];

export function NavBar({ current }: { current: Route['view'] }) {
  return (
    <nav className="navbar" aria-label="Main">
      <span className="brand">Trayage</span>
      {LINKS.map((l) => (
        <a key={l.label} href={routeToHash(l.route)} aria-current={current === l.route.view ? 'page' : undefined} title={`${l.label} (${l.key})`}>
          {l.label}
        </a>
      ))}
      <EnableNotices />
    </nav>
  );
}
