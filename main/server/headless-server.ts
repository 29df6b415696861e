import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Engine } from '../engine/engine';
import { handleIntakeRequest, intakeKindOf } from './intake-route';
import { checkHandshake, checkPageRequest, RPC_PROTOCOL } from './request-guard';
import { ServeError } from './serve-error';
import { resolveStaticFile, SECURITY_HEADERS, sendFile } from './static-files';

export const LOOPBACK = '127.0.0.1';
// Above the contract's message limit, so an oversized request still gets a readable error envelope.
const WS_MAX_PAYLOAD = 16 * 1024 * 1024;

export interface HeadlessServerOptions {
  engine: Engine;
  rendererDir: string;
  token: string;
  /** The port asked for (0 = any free one); taken means failure. */
  port?: number;
  /** Without `port`: the port to try first, any free one if it is taken. */
  lastPort?: number;
}

export interface HeadlessServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { token } = options;
  const server = http.createServer();
  // The page offers the token as a second subprotocol; the answer names only the fixed one.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: WS_MAX_PAYLOAD,
    handleProtocols: (offered) => (offered.has(RPC_PROTOCOL) ? RPC_PROTOCOL : false),
  });
  let port = 0;

  server.on('request', (req, res) => {
    // Alerting tools post with their integration's own token; the page token is no key here.
    const intakeKind = intakeKindOf(req.url);
    if (intakeKind !== null) return handleIntakeRequest(req, res, options.engine.intake, intakeKind);
    const verdict = checkPageRequest({ host: req.headers.host, origin: req.headers.origin, url: req.url ?? '/' }, token, port);
    if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here.');
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    const file = resolveStaticFile(options.rendererDir, pathname);
    if (!file) return refuse(res, 404, `Not found: ${pathname}`);
    sendFile(res, file, options.rendererDir);
  });

  server.on('upgrade', (req, socket, head) => {
    const verdict = checkHandshake(
      { host: req.headers.host, origin: req.headers.origin, url: req.url ?? '/', protocols: req.headers['sec-websocket-protocol'] },
      token,
      port,
    );
    const pathname = new URL(req.url ?? '/', 'http://placeholder').pathname;
    if (!verdict.ok || pathname !== '/rpc') {
      const [status, reason] = verdict.ok ? [404, `Not found: ${pathname}`] : [verdict.status, verdict.reason];
      const body = `${reason}\n`;
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.engine));
  });

  port = await listen(server, options.port, options.lastPort);

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

async function listen(server: http.Server, port: number | undefined, lastPort: number | undefined): Promise<number> {
  if (port === undefined && lastPort !== undefined) {
    try {
      return await listenOn(server, lastPort);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    }
  }
  try {
    return await listenOn(server, port ?? 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    throw new ServeError(`Port ${port} on ${LOOPBACK} is already in use; pick another with --port.`);
  }
}

function listenOn(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
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
