import crypto from 'node:crypto';

export const TOKEN_COOKIE = 'trayage_token';

export interface GuardInput {
  host: string | undefined;
  origin: string | undefined;
  url: string;
  cookie: string | undefined;
}

export type GuardVerdict = { ok: true; tokenFromQuery: boolean } | { ok: false; status: number; reason: string };

// Every HTTP request and WebSocket upgrade passes here: right Host (no DNS rebinding),
// right Origin when a browser sends one (no cross-site pages), and the token.
export function checkRequest(input: GuardInput, token: string, port: number): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!input.host || !allowedHosts.includes(input.host.toLowerCase())) {
    return { ok: false, status: 421, reason: `Host '${input.host ?? ''}' is not served here; use http://127.0.0.1:${port}/.` };
  }
  if (input.origin !== undefined && !allowedHosts.some((h) => input.origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `Origin '${input.origin}' may not use this server.` };
  }
  const queryToken = new URL(input.url, 'http://placeholder').searchParams.get('token');
  if (queryToken !== null) {
    return sameSecret(queryToken, token)
      ? { ok: true, tokenFromQuery: true }
      : { ok: false, status: 401, reason: 'Wrong token: open the URL that `trayage serve` printed.' };
  }
  const cookieToken = readCookie(input.cookie, TOKEN_COOKIE);
  if (cookieToken !== undefined && sameSecret(cookieToken, token)) return { ok: true, tokenFromQuery: false };
  return { ok: false, status: 401, reason: 'Missing token: open the URL that `trayage serve` printed.' };
}

export function tokenCookie(token: string): string {
  return `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export function newToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
