import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../engine/engine';
import { checkRequest, newToken, tokenCookie } from './request-guard';
import { resolveStaticFile, SECURITY_HEADERS, sendFile } from './static-files';

export const LOOPBACK = '127.0.0.1';
// Above the contract's message limit, so an oversized request still gets a readable error envelope.
const WS_MAX_PAYLOAD = 16 * 1024 * 1024;

export interface HeadlessServerOptions {
  engine: Engine;
  rendererDir: string;
  port?: number;
  token?: string;
}

export interface HeadlessServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const token = options.token ?? newToken();
  const server = http.createServer();
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD });
  let port = 0;

  server.on('request', (req, res) => {
    const verdict = checkRequest(
      { host: req.headers.host, origin: req.headers.origin, url: req.url ?? '/', cookie: req.headers.cookie },
      token,
      port,
    );
    if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here.');
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const file = resolveStaticFile(options.rendererDir, pathname);
    if (!file) return refuse(res, 404, `Not found: ${pathname}`);
    sendFile(res, file, verdict.tokenFromQuery ? { 'Set-Cookie': tokenCookie(token) } : {});
  });

  server.on('upgrade', (req, socket, head) => {
    const verdict = checkRequest(
      { host: req.headers.host, origin: req.headers.origin, url: req.url ?? '/', cookie: req.headers.cookie },
      token,
      port,
    );
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (!verdict.ok || pathname !== '/rpc') {
      const status = verdict.ok ? 404 : verdict.status;
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.engine));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? new Error(`Port ${options.port} on ${LOOPBACK} is already in use; pick another with --port.`) : err),
    );
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveSocket(ws: WebSocket, engine: Engine): void {
  const unsubscribe = engine.onEvent((event) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(event));
  });
  ws.on('message', async (data, isBinary) => {
    const text = isBinary ? '' : data.toString();
    const reply = await engine.dispatchText(text);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
  });
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
}

function refuse(res: http.ServerResponse, status: number, reason: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  res.end(`${reason}\n`);
}
