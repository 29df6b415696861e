import { safeExternalUrl } from '../shared/link-policy';
import type { TrayAction } from './tray-menu';

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// Windows only ever show our own bundled pages: same file, different hash route.
export function isAllowedNavigation(target: string, appEntryUrl: string): boolean {
  try {
    const a = new URL(target);
    const b = new URL(appEntryUrl);
    return a.protocol === b.protocol && a.host === b.host && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export function routeHash(action: TrayAction): string {
  if (action.kind === 'open-incident') return `/incidents/${action.id}`;
  if (action.kind === 'declare') return '/declare';
  if (action.kind === 'run-diagnostics') return '/run';
  if (action.kind === 'open-target') {
    const { kind, id } = action.target;
    if (kind === 'notices') return '/notices';
    if (kind === 'source' || (kind === 'alert' && id === '')) return '/alerts';
    // An empty id is the list of its kind (the click on a summary of many notices).
    if (id === '') return kind === 'monitor' ? '/monitors' : '/';
    return `/${kind === 'incident' ? 'incidents' : `${kind}s`}/${kind === 'alert' ? encodeURIComponent(id) : id}`;
  }
  return '/';
}

export type LinkDestination = { kind: 'app' } | { kind: 'external'; url: string } | { kind: 'deny' };

// Where a link, navigation or window.open target goes: our own page stays in the app; a link the
// shared link policy allows goes to the OS (browser, mail client, dialer) and never into a window;
// anything else goes nowhere.
export function linkDestination(target: string, appEntryUrl: string): LinkDestination {
  if (isAllowedNavigation(target, appEntryUrl)) return { kind: 'app' };
  const url = safeExternalUrl(target);
  return url ? { kind: 'external', url } : { kind: 'deny' };
}

export type WindowOpenDecision =
  | { kind: 'compact-checklist'; window: { width: number; height: number; title: string } }
  | { kind: 'external'; url: string }
  | { kind: 'deny' };

// window.open and target=_blank links: the compact checklist opens as a window, an allowed external
// link opens in the OS, and any other page of ours stays out of new windows.
export function windowOpenDecision(target: string, appEntryUrl: string): WindowOpenDecision {
  const destination = linkDestination(target, appEntryUrl);
  if (destination.kind !== 'app') return destination;
  const window = compactChecklistWindow(target, appEntryUrl);
  return window ? { kind: 'compact-checklist', window } : { kind: 'deny' };
}

// The one window a page may open: an incident's compact checklist, small and on top, to sit beside a
// terminal.
export function compactChecklistWindow(target: string, appEntryUrl: string): { width: number; height: number; title: string } | null {
  if (!isAllowedNavigation(target, appEntryUrl)) return null;
  const match = /^#\/incidents\/(\d+)\/checklist$/.exec(new URL(target).hash);
  return match ? { width: 440, height: 680, title: `Checklist — incident #${match[1]}` } : null;
}
