// A refused WebSocket handshake looks to a page exactly like a server that is away: the browser
// gives neither the status nor the reason. A page request tells them apart, because the server
// answers a link whose ?token= is not its token with 401, and an unreachable one not at all.
export async function tokenRefused(token: string | null): Promise<boolean> {
  try {
    const url = token === null ? '/' : `/?token=${encodeURIComponent(token)}`;
    const reply = await fetch(url, { method: 'HEAD', cache: 'no-store', credentials: 'omit', redirect: 'manual' });
    // Without any token the handshake can only fail for want of one, once the server answers at all.
    return token === null ? reply.ok : reply.status === 401;
  } catch {
    return false;
  }
}
