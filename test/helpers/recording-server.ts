import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request exactly as it arrived: the path with its query, the headers (lower-case names) and the JSON body. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * What the next request meets, made up by the test: a reply of its own (a rate limit, an outage),
 * no answer at all ('hang'), or the request served but its answer lost ('lost-answer').
 */
export type Scripted = Reply | 'hang' | 'lost-answer';

export interface RecordingServer {
  /** http://127.0.0.1:PORT plus the base path the API is served under. */
  url: string;
  requests: RecordedRequest[];
  /** Scripts the next request, or the next one with method `only` (e.g. the POST after a look-up). */
  answerNext(reply: Scripted, only?: string): void;
  close(): Promise<void>;
}

/**
 * A real HTTP server on loopback that records every request and answers through `route` (given
 * the path below `basePath`), unless the test scripted the next answer.
 */
export async function startRecordingServer(basePath: string, route: (req: RecordedRequest, path: string) => Reply): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const scripted: { reply: Scripted; only?: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // Kept as text: a test then sees exactly what was sent.
      }
      const recorded: RecordedRequest = { method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body };
      requests.push(recorded);
      const at = scripted.findIndex((s) => s.only === undefined || s.only === recorded.method);
      const next = at === -1 ? undefined : scripted.splice(at, 1)[0].reply;
      if (next === 'hang') return;
      let reply: Reply;
      if (next && next !== 'lost-answer') reply = next;
      else if (!recorded.path.startsWith(`${basePath}/`)) reply = { status: 404, body: { message: 'Not Found' } };
      else reply = route(recorded, recorded.path.slice(basePath.length));
      if (next === 'lost-answer') return;
      res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
      res.end(reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    requests,
    answerNext: (reply, only) => void scripted.push({ reply, only }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on: taken from the system, then released. */
export async function refusedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
