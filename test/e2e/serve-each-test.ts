import { test } from '@playwright/test';
import { type ServeProcess, startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { connectRpc } from '../helpers/ws-client';

export interface ServedPerTest {
  /** The test's own `serve`, on a fresh data directory; valid inside a test. */
  readonly serve: ServeProcess;
  readonly dataDir: string;
  /** What the engine holds, asked the way any other client would; an error reply fails the test. */
  engine(method: string, params?: unknown): Promise<any>;
}

/** A fresh data directory and `serve` for each test of the file, stopped and removed after it. */
export function serveEachTest(): ServedPerTest {
  let serve: ServeProcess | undefined;
  let dataDir: string | undefined;
  test.beforeEach(async () => {
    dataDir = tempDir();
    serve = await startServe(dataDir);
  });
  test.afterEach(async () => {
    await serve?.stop();
    if (dataDir) removeDir(dataDir);
    serve = undefined;
    dataDir = undefined;
  });
  const running = (): ServeProcess => {
    if (!serve) throw new Error('serve runs only inside a test');
    return serve;
  };
  return {
    get serve() {
      return running();
    },
    get dataDir() {
      running();
      return dataDir as string;
    },
    async engine(method, params = {}) {
      const { port, token } = running();
      const rpc = await connectRpc(port, token);
      try {
        const reply = await rpc.call(method, params);
        if (reply.error) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
        return reply.result;
      } finally {
        rpc.close();
      }
    },
  };
}
