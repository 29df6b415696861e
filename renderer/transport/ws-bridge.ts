import type { TrayageBridge } from '../../preload/contract';

export type ConnectionState = 'connecting' | 'open' | 'closed';

interface Pending {
  resolve: (reply: unknown) => void;
}

// The headless server's transport: same envelopes as Electron's IPC, over one WebSocket that reconnects.
export function createWsBridge(url: string, onState: (state: ConnectionState) => void): TrayageBridge {
  const pending = new Map<unknown, Pending>();
  const listeners = new Set<(event: unknown) => void>();
  const queue: string[] = [];
  let socket: WebSocket;
  let retryMs = 500;

  const connect = () => {
    onState('connecting');
    socket = new WebSocket(url);
    socket.onopen = () => {
      retryMs = 500;
      onState('open');
      for (const text of queue.splice(0)) socket.send(text);
    };
    socket.onmessage = (message) => {
      let data: unknown;
      try {
        data = JSON.parse(String(message.data));
      } catch {
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
    socket.onclose = () => {
      onState('closed');
      for (const [id, p] of pending) {
        p.resolve({ id, error: { code: 'unavailable', message: 'Lost the connection to Trayage; retrying. Your input is still here.' } });
      }
      pending.clear();
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
  const token = new URLSearchParams(location.search).get('token');
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/rpc${token ? `?token=${encodeURIComponent(token)}` : ''}`;
}
