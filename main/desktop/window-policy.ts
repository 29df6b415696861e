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
    if (kind === 'source') return '/alerts';
    return `/${kind === 'incident' ? 'incidents' : `${kind}s`}/${kind === 'alert' ? encodeURIComponent(id) : id}`;
  }
  return '/';
}

// The one window a page may open: an incident's compact checklist, small and on top, to sit beside a
// terminal. Everything else window.open asks for is denied.
export function compactChecklistWindow(target: string, appEntryUrl: string): { width: number; height: number; title: string } | null {
  if (!isAllowedNavigation(target, appEntryUrl)) return null;
  const match = /^#\/incidents\/(\d+)\/checklist$/.exec(new URL(target).hash);
  return match ? { width: 440, height: 680, title: `Checklist — incident #${match[1]}` } : null;
}
