import type { TrayageBridge } from '../../preload/contract';
import type { ConnectionState } from './connection-state';
import { tokenRefused } from './token-probe';

interface Pending {
  resolve: (reply: unknown) => void;
}

// Named the same in main/server/request-guard.ts: the server answers with RPC_PROTOCOL, never with the token.
const RPC_PROTOCOL = 'trayage.rpc';
const TOKEN_PROTOCOL_PREFIX = 'trayage.token.';

const DENIED_MESSAGE = 'This page\'s access token is no longer valid: open the link "trayage serve" printed (or run "trayage serve --open").';

// The headless server's transport: same envelopes as Electron's IPC, over one WebSocket that reconnects,
// with the same token, for as long as the tab is open: `serve` keeps its token and port across restarts.
export function createWsBridge(url: string, token: string | null, onState: (state: ConnectionState) => void): TrayageBridge {
  // A browser lets a page set no header on a WebSocket but its subprotocols, so the token travels as one.
  const protocols = token === null ? [RPC_PROTOCOL] : [RPC_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${token}`];
  const pending = new Map<unknown, Pending>();
  const listeners = new Set<(event: unknown) => void>();
  const queue: string[] = [];
  let socket: WebSocket;
  let retryMs = 500;
  let refused = false;

  const connect = () => {
    onState('connecting');
    let opened = false;
    socket = new WebSocket(url, protocols);
    socket.onopen = () => {
      opened = true;
      retryMs = 500;
      onState('open');
      for (const text of queue.splice(0)) socket.send(text);
    };
    socket.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
        // The server only sends JSON: text that is not cannot be a reply anyone waits for, nor an event.
        return;
      }
      const id = (data as { id?: unknown }).id;
      if (id !== undefined && pending.has(id)) {
        pending.get(id)!.resolve(data);
        pending.delete(id);
      } else if ((data as { event?: unknown }).event !== undefined) {
        for (const listener of listeners) listener(data);
      }
    };
    socket.onclose = async () => {
      // A handshake that never opened may have been refused for the token: then no retry can succeed.
      const denied = !opened && (await tokenRefused(token));
      onState(denied ? 'denied' : 'closed');
      const message = denied ? DENIED_MESSAGE : 'Lost the connection to Trayage; retrying. Your input is still here.';
      for (const [id, p] of pending) p.resolve({ id, error: { code: 'unavailable', message } });
      pending.clear();
      if (denied) {
        refused = true;
        queue.length = 0;
        return;
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    };
  };
  connect();

  return {
    invoke(request) {
      const id = (request as { id: unknown }).id;
      const text = JSON.stringify(request);
      return new Promise((resolve) => {
        if (refused) return resolve({ id, error: { code: 'unavailable', message: DENIED_MESSAGE } });
        pending.set(id, { resolve });
        if (socket.readyState === WebSocket.OPEN) socket.send(text);
        else queue.push(text);
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function rpcUrl(location: Location): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/rpc`;
}
