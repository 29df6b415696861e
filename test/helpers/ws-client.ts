import WebSocket from 'ws';

export interface RpcClient {
  socket: WebSocket;
  send(raw: string): Promise<any>;
  call(method: string, params?: unknown): Promise<any>;
  close(): void;
}

// A plain WebSocket client speaking the same envelopes as the renderer.
export function connectRpc(port: number, token: string, headers: Record<string, string> = {}): Promise<RpcClient> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/rpc?token=${token}`, { headers });
  const waiting = new Map<unknown, (reply: any) => void>();
  const queue: ((reply: any) => void)[] = [];
  let nextId = 1;
  socket.on('message', (data) => {
    const reply = JSON.parse(data.toString());
    if (reply.event) return;
    const resolve = waiting.get(reply.id) ?? queue.shift();
    waiting.delete(reply.id);
    resolve?.(reply);
  });
  const client: RpcClient = {
    socket,
    send: (raw) =>
      new Promise((resolve) => {
        queue.push(resolve);
        socket.send(raw);
      }),
    call: (method, params = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
}
