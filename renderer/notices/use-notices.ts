import { useEffect } from 'react';
import type { Notice, TrayageApi } from '../../preload/contract';
import { useConnection } from '../store/connection';
import { navigate } from '../use-hash-route';
import { playChime } from './notice-sound';
import { routeOfTarget } from './notice-route';
import { useNoticeStore } from './notice-store';

const BASE_TITLE = 'Trayage';
const SYSTEM_AT_ONCE = 3;
// Ids shown by this page, so a notice that arrives both live and in the catch-up list shows once.
const shown = new Set<number>();
// Live notices arriving together (an engine starting with many timers due) are shown and acknowledged
// as one batch: one call to the engine instead of one per notice.
const BATCH_MS = 50;
const arriving: Notice[] = [];

/**
 * Makes the page a target for notices the engine could not show on a desktop: a system
 * notification when allowed, otherwise a banner; a title badge until seen; each acknowledged
 * once shown, so no other page shows it again and none is lost while no page is open.
 */
export function useNotices(api: TrayageApi): void {
  const connection = useConnection((c) => c.state);
  const unseen = useNoticeStore((s) => s.unseen);

  useEffect(() => api.on('notice', (notice) => collect(api, notice)), [api]);

  // On every (re)connection: what was raised while no page was connected.
  useEffect(() => {
    if (connection !== 'open') return;
    let stale = false;
    api
      .call('notifications.pending')
      .then((pending) => {
        if (!stale) void present(api, pending);
      })
      .catch(() => {});
    return () => {
      stale = true;
    };
  }, [api, connection]);

  useEffect(() => {
    document.title = unseen > 0 ? `(${unseen}) ${BASE_TITLE}` : BASE_TITLE;
  }, [unseen]);

  // Desktop-style notices raised while the page was behind other windows are seen once it is in front.
  useEffect(() => {
    const onFocus = () => useNoticeStore.setState((s) => ({ unseen: s.banners.length }));
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);
}

function collect(api: TrayageApi, notice: Notice): void {
  arriving.push(notice);
  if (arriving.length === 1) setTimeout(() => void present(api, arriving.splice(0)), BATCH_MS);
}

async function present(api: TrayageApi, notices: Notice[]): Promise<void> {
  const fresh = notices.filter((n) => !shown.has(n.id));
  if (fresh.length === 0) return;
  fresh.forEach((notice, index) => {
    shown.add(notice.id);
    // A page catching up on many shows the newest few as system notifications and the rest in the page.
    show(notice, index >= fresh.length - SYSTEM_AT_ONCE);
  });
  if (fresh.some((n) => n.sound)) playChime();
  try {
    await api.call('notifications.acknowledge', { ids: fresh.map((n) => n.id) });
  } catch {
    // Not acknowledged: the notice is offered again on the next connection, and this page skips it.
  }
}

function show(notice: Notice, asSystem: boolean): void {
  const inFront = document.visibilityState === 'visible' && document.hasFocus();
  if (asSystem && typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    try {
      const shown = new Notification(notice.title, { body: notice.body, tag: notice.key, silent: true });
      shown.onclick = () => {
        window.focus();
        const route = routeOfTarget(notice.target);
        if (route) navigate(route);
        shown.close();
      };
      if (!inFront) useNoticeStore.setState((s) => ({ unseen: s.unseen + 1 }));
      return;
    } catch {
      // Some browsers allow notifications only from a service worker: fall back to the banner.
    }
  }
  useNoticeStore.setState((s) => ({ banners: [...s.banners, notice], unseen: s.unseen + 1 }));
}

/** Asks for permission to show system notifications; must run from a click. */
export async function enableNotifications(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  const permission = await Notification.requestPermission();
  useNoticeStore.setState({ permission });
}
