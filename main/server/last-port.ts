import fs from 'node:fs';
import path from 'node:path';

export const PORT_FILE_NAME = 'serve.port';

// An open tab can only reconnect to the origin it was loaded from, so `serve` without --port comes back
// on the port it used last time, when that port is still free.
export function readLastPort(dataDir: string): number | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dataDir, PORT_FILE_NAME), 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const port = Number(text);
  // A file edited by hand into nonsense is no reason not to serve: any free port will do.
  return Number.isInteger(port) && port > 0 && port <= 65535 ? port : undefined;
}

export function rememberPort(dataDir: string, port: number): void {
  fs.writeFileSync(path.join(dataDir, PORT_FILE_NAME), `${port}\n`);
}
