import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookServer {
  url: string;
  bodies: { path: string; contentType: string; body: string }[];
  close(): Promise<void>;
}

// A real loopback HTTP server that records what it receives and answers with `status`.
export async function startWebhookServer(status = 200, delayMs = 0): Promise<WebhookServer> {
  const bodies: WebhookServer['bodies'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      bodies.push({ path: req.url ?? '/', contentType: String(req.headers['content-type'] ?? ''), body });
      setTimeout(() => {
        res.writeHead(status, { 'Content-Type': 'text/plain' });
        res.end(status === 200 ? 'ok' : 'server exploded');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/secret-token`,
    bodies,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
