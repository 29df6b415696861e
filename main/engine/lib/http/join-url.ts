// `new URL('/api/v2/alerts', base)` replaces the base's path, so a server published behind a reverse
// proxy at https://host/alertmanager would be asked at https://host/api/v2/alerts. Joining keeps the
// base's path (and its query, if any) and appends the API path to it.
export function joinUrl(base: string, path: string): URL {
  const url = new URL(base);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  url.hash = '';
  return url;
}
