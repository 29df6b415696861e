import fs from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { CheckFailure } from '../error-classify';

export interface TlsOptions {
  verifyTls: boolean;
  caFile?: string;
}

/** An open connection to one origin; `reused` is true when it carried a response before. */
export interface Lease {
  socket: net.Socket;
  reused: boolean;
  /** Opened for this lease: its `connect` (or, for TLS, `secureConnect`) event is still to come. */
  fresh: boolean;
  /** Hands the connection back: kept for the next check when `reusable`, closed otherwise. */
  release(reusable: boolean): void;
}

interface Origin {
  key: string;
  url: URL;
  options: TlsOptions;
  idle: net.Socket[];
  open: number;
  waiting: Array<(lease: Lease) => void>;
}

const noop = () => {};

/**
 * Keep-alive connections shared by every monitor of one origin, so a thousand monitors against a
 * few services reuse a handful of warm connections instead of paying a TCP and TLS handshake per
 * check. Up to `maxPerOrigin` connections are open to one origin at once; further checks wait for
 * one to come back.
 */
export class HttpConnectionPool {
  private readonly origins = new Map<string, Origin>();
  private readonly caCache = new Map<string, Buffer>();
  private readonly sessions = new Map<string, Buffer>();
  private readonly used = new WeakSet<net.Socket>();

  constructor(private readonly maxPerOrigin = 16) {}

  /**
   * Calls `ready` with a connection to `url`'s origin: an idle one when there is one, else a new
   * one (not yet connected: its `connect`/`secureConnect` event tells when it is). Throws a
   * CheckFailure when the TLS settings cannot be used (an unreadable ca-file). Returns a function
   * that gives up waiting for a connection.
   */
  acquire(url: URL, options: TlsOptions, ready: (lease: Lease) => void): () => void {
    const key = `${url.protocol}//${url.host}|${options.verifyTls ? 1 : 0}|${options.caFile ?? ''}`;
    let origin = this.origins.get(key);
    if (!origin) {
      origin = { key, url: new URL(`${url.protocol}//${url.host}`), options, idle: [], open: 0, waiting: [] };
      this.origins.set(key, origin);
    }
    for (let socket = origin.idle.pop(); socket; socket = origin.idle.pop()) {
      // A connection the server closed while it sat idle is dropped, not handed out.
      if (socket.destroyed || !socket.readable || !socket.writable) continue;
      socket.ref();
      ready(this.lease(origin, socket, false));
      return noop;
    }
    if (origin.open >= this.maxPerOrigin) {
      const waiting = origin.waiting;
      waiting.push(ready);
      // A check whose deadline passes while it waits leaves the queue.
      return () => {
        const at = waiting.indexOf(ready);
        if (at >= 0) waiting.splice(at, 1);
      };
    }
    ready(this.lease(origin, this.open(origin), true));
    return noop;
  }

  closeAll(): void {
    for (const origin of this.origins.values()) {
      for (const socket of origin.idle) socket.destroy();
      origin.idle.length = 0;
    }
    this.caCache.clear();
    this.sessions.clear();
  }

  private open(origin: Origin): net.Socket {
    const socket = this.connect(origin);
    origin.open++;
    socket.once('close', () => {
      origin.open--;
      const at = origin.idle.indexOf(socket);
      if (at >= 0) origin.idle.splice(at, 1);
      // A closed connection makes room for a check that waits.
      const next = origin.waiting.shift();
      if (!next) return;
      try {
        next(this.lease(origin, this.open(origin), true));
      } catch {
        // The ca-file became unreadable since: that check ends at its deadline, the next one says why.
      }
    });
    // Errors reach the check holding the connection; an idle one only closes.
    socket.on('error', noop);
    return socket;
  }

  private lease(origin: Origin, socket: net.Socket, fresh: boolean): Lease {
    const reused = this.used.has(socket);
    let released = false;
    return {
      socket,
      reused,
      fresh,
      release: (reusable) => {
        if (released) return;
        released = true;
        if (!reusable || socket.destroyed) {
          socket.destroy();
          return;
        }
        this.used.add(socket);
        const next = origin.waiting.shift();
        if (next) {
          next(this.lease(origin, socket, false));
          return;
        }
        socket.unref();
        origin.idle.push(socket);
      },
    };
  }

  private connect({ url, options, key }: Origin): net.Socket {
    // URL keeps the brackets of an IPv6 literal; sockets want the bare address.
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (url.protocol !== 'https:') {
      const socket = net.connect({ host, port: Number(url.port) || 80 });
      socket.setNoDelay(true);
      return socket;
    }
    const socket = tls.connect({
      host,
      port: Number(url.port) || 443,
      servername: net.isIP(host) ? undefined : host,
      rejectUnauthorized: options.verifyTls,
      ca: this.readCa(options.caFile),
      ALPNProtocols: ['http/1.1'],
      session: this.sessions.get(key),
    });
    socket.setNoDelay(true);
    // A new connection to a known origin resumes its TLS session: a shorter handshake.
    socket.on('session', (session: Buffer) => this.sessions.set(key, session));
    return socket;
  }

  private readCa(caFile: string | undefined): Buffer | undefined {
    if (!caFile) return undefined;
    let ca = this.caCache.get(caFile);
    if (!ca) {
      try {
        ca = fs.readFileSync(caFile);
      } catch (err) {
        throw new CheckFailure('tls', `cannot read ca-file ${caFile}: ${(err as Error).message}`);
      }
      this.caCache.set(caFile, ca);
    }
    return ca;
  }
}
