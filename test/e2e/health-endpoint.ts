import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthEndpoint {
  url: string;
  setHealthy(ok: boolean): void;
  close(): Promise<void>;
}

/** A health endpoint on loopback that the test turns bad (503) and good (200) again. */
export async function healthEndpoint(): Promise<HealthEndpoint> {
  let healthy = true;
  const server = http.createServer((_req, res) => {
    res.writeHead(healthy ? 200 : 503, { 'content-type': 'text/plain' });
    res.end(healthy ? 'ok' : 'degraded');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setHealthy: (ok: boolean) => void (healthy = ok),
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
