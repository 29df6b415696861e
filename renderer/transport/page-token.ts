const STORAGE_KEY = 'trayage.token';

// The URL `trayage serve` prints brings the token once, in ?token= (the fragment is the router's). It
// moves into this tab's sessionStorage, which only this origin (127.0.0.1 and this port) can read,
// unlike a cookie, which the browser would send to every server on 127.0.0.1. The address bar loses
// it, so it is not bookmarked, copied into a chat or shown on a shared screen.
export function takePageToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  try {
    if (fromUrl !== null) window.sessionStorage.setItem(STORAGE_KEY, fromUrl);
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage turned off in this browser: the tab still works until it is reloaded.
    return fromUrl;
  }
}
