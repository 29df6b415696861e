import type net from 'node:net';
import { CheckFailure } from '../error-classify';
import type { HttpConnectionPool, Lease, TlsOptions } from './connection-pool';
import { ResponseReader, type ResponseHead } from './response-reader';

export interface ExchangeRequest {
  url: URL;
  method: string;
  /** Header names in lower case, values already checked for line breaks (http-kind.ts). */
  headers: Readonly<Record<string, string>>;
  body?: string;
  tls: TlsOptions;
}

export interface ExchangeHandlers {
  /** The connection is up (for HTTPS: its handshake is done). */
  connected(): void;
  head(head: ResponseHead, socket: net.Socket): void;
  data(chunk: Buffer): void;
  end(): void;
  /** `reusedConnection`: the connection had carried a response before, so the server may have closed it while idle. */
  error(err: unknown, reusedConnection: boolean): void;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function requestHead({ url, method, headers, body }: ExchangeRequest): string {
  let head = `${method} ${url.pathname}${url.search} HTTP/1.1\r\n`;
  if (headers.host === undefined) head += `host: ${url.host}\r\n`;
  // Credentials in the URL (https://user:pass@host/) are sent as Basic authorization, as browsers and curl do.
  if ((url.username || url.password) && headers.authorization === undefined) {
    const credentials = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    head += `authorization: Basic ${Buffer.from(credentials).toString('base64')}\r\n`;
  }
  for (const name in headers) head += `${name}: ${headers[name]}\r\n`;
  if (body !== undefined) head += `content-length: ${Buffer.byteLength(body)}\r\n`;
  else if (BODY_METHODS.has(method)) head += 'content-length: 0\r\n';
  return `${head}\r\n`;
}

/**
 * One request and its response over a pooled HTTP/1.1 connection. Node's own client builds a
 * request object, an IncomingMessage stream and their listeners per request; a health check needs
 * only the status, a few headers and the body, which is a third of the CPU per check.
 * Returns a function that abandons the exchange (its deadline passed) and closes its connection.
 */
export function exchange(pool: HttpConnectionPool, request: ExchangeRequest, handlers: ExchangeHandlers): () => void {
  let lease: Lease | undefined;
  let over = false;
  const bytes = requestHead(request) + (request.body ?? '');

  const detach = (socket: net.Socket) => {
    socket.off('data', onData);
    socket.off('end', onEnd);
    socket.off('close', onClose);
    socket.off('error', fail);
    socket.off('connect', handlers.connected);
    socket.off('secureConnect', handlers.connected);
  };
  function fail(err: unknown): void {
    if (over) return;
    over = true;
    if (lease) {
      detach(lease.socket);
      lease.release(false);
    }
    handlers.error(err, lease?.reused ?? false);
  }
  const reader = new ResponseReader(request.method, {
    head: (head) => handlers.head(head, lease!.socket),
    data: (chunk) => handlers.data(chunk),
    end: (reusable) => {
      if (over) return;
      over = true;
      detach(lease!.socket);
      lease!.release(reusable);
      handlers.end();
    },
  });
  function onData(chunk: Buffer): void {
    try {
      reader.push(chunk);
    } catch (err) {
      fail(err instanceof CheckFailure ? new CheckFailure(err.errorKind, `${request.url.host} sent an invalid HTTP response: ${err.message}`) : err);
    }
  }
  function onEnd(): void {
    try {
      reader.closed();
    } catch (err) {
      fail(err);
    }
  }
  function onClose(): void {
    fail(Object.assign(new Error('the connection closed before the response was complete'), { code: 'ECONNRESET' }));
  }

  let cancelWait: () => void;
  try {
    cancelWait = pool.acquire(request.url, request.tls, (given) => {
      if (over) return given.release(true);
      lease = given;
      const { socket } = given;
      socket.on('data', onData);
      socket.on('end', onEnd);
      socket.on('close', onClose);
      socket.on('error', fail);
      if (given.fresh) socket.once(request.url.protocol === 'https:' ? 'secureConnect' : 'connect', handlers.connected);
      else handlers.connected();
      socket.write(bytes);
    });
  } catch (err) {
    fail(err);
    return () => undefined;
  }
  return () => {
    if (over) return;
    over = true;
    cancelWait();
    if (lease) {
      detach(lease.socket);
      lease.release(false);
    }
  };
}
