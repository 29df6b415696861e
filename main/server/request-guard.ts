import crypto from 'node:crypto';

// The page offers two WebSocket subprotocols: RPC_PROTOCOL, which the server echoes, and one carrying
// the token. A browser cannot put any other header on a WebSocket, and unlike a cookie this value goes
// only to the server the page itself connects to, never to other servers on 127.0.0.1.
export const RPC_PROTOCOL = 'trayage.rpc';
const TOKEN_PROTOCOL_PREFIX = 'trayage.token.';

export interface GuardInput {
  host: string | undefined;
  origin: string | undefined;
  url: string;
}

export interface HandshakeInput extends GuardInput {
  protocols: string | undefined;
}

export type GuardVerdict = { ok: true } | { ok: false; status: number; reason: string };

const OPEN_PRINTED_URL = 'open the URL that `trayage serve` printed';

// Every HTTP request: right Host (no DNS rebinding) and right Origin when a browser sends one (no
// cross-site pages). The renderer's files hold no secrets and load without the token, since a browser
// has no way to attach it to <script> and <link> requests without a cookie; only the WebSocket carries
// the engine. A link with a stale ?token= is still refused, so that its opener learns why, and so that a
// tab whose handshake was refused can ask whether its token is the reason (renderer/transport/token-probe.ts).
export function checkPageRequest(input: GuardInput, token: string, port: number): GuardVerdict {
  const site = checkSite(input, port);
  if (!site.ok) return site;
  const linkToken = new URL(input.url, 'http://placeholder').searchParams.get('token');
  if (linkToken !== null && !sameSecret(linkToken, token)) {
    return { ok: false, status: 401, reason: `This link's token is out of date: ${OPEN_PRINTED_URL} last.` };
  }
  return { ok: true };
}

// The WebSocket upgrade: the same Host and Origin checks, and the token, from the page's subprotocol
// or, for scripts, from the /rpc URL's ?token=.
export function checkHandshake(input: HandshakeInput, token: string, port: number): GuardVerdict {
  const site = checkSite(input, port);
  if (!site.ok) return site;
  const given = protocolToken(input.protocols) ?? new URL(input.url, 'http://placeholder').searchParams.get('token');
  if (given === null) return { ok: false, status: 401, reason: `Missing token: ${OPEN_PRINTED_URL}.` };
  if (!sameSecret(given, token)) return { ok: false, status: 401, reason: `Wrong token: ${OPEN_PRINTED_URL}.` };
  return { ok: true };
}

function checkSite(input: GuardInput, port: number): GuardVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!input.host || !allowedHosts.includes(input.host.toLowerCase())) {
    return { ok: false, status: 421, reason: `Host '${input.host ?? ''}' is not served here; use http://127.0.0.1:${port}/.` };
  }
  if (input.origin !== undefined && !allowedHosts.some((h) => input.origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: `Origin '${input.origin}' may not use this server.` };
  }
  return { ok: true };
}

function protocolToken(header: string | undefined): string | null {
  const offered = (header ?? '').split(',').map((p) => p.trim());
  const entry = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX));
  return entry === undefined ? null : entry.slice(TOKEN_PROTOCOL_PREFIX.length);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
