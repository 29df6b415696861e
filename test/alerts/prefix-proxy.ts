import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PrefixProxy {
  url: string;
  // Paths as the proxy received them, prefix included.
  seen: string[];
  close(): Promise<void>;
}

// A reverse proxy on loopback that publishes each upstream under a path prefix, as nginx would at
// https://host/alertmanager. Anything outside a prefix is a 404, so a client that drops the prefix fails.
export async function startPrefixProxy(routes: Record<string, string>): Promise<PrefixProxy> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    const prefix = Object.keys(routes).find((p) => req.url?.startsWith(`${p}/`));
    if (!prefix) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such path on this proxy');
    const upstream = new URL(req.url!.slice(prefix.length), routes[prefix]);
    const forward = http.request(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (reply) => {
      res.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(res);
    });
    forward.on('error', (err) => res.writeHead(502).end(err.message));
    req.pipe(forward);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
