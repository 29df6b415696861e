import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  url: string;
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

async function listen(server: http.Server | https.Server | net.Server, scheme: string): Promise<TestServer> {
  let connections = 0;
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function startHttp(handler: Handler): Promise<TestServer> {
  return listen(http.createServer(handler), 'http');
}

export function startHttps(handler: Handler, tls: { key: Buffer; cert: Buffer }): Promise<TestServer> {
  return listen(https.createServer(tls, handler), 'https');
}

/** A raw TCP server that accepts and keeps sockets until closed. */
export async function startTcp(): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  const handle = await listen(server, 'tcp');
  return {
    ...handle,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await handle.close();
    },
  };
}

/** A port on 127.0.0.1 where nothing listens: bound, read, then released. */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
