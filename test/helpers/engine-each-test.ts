import { afterEach, beforeEach } from 'vitest';
import { createEngine, type Engine, type EngineOptions } from '../../main/engine/engine';
import { removeDir, tempDir } from './temp-dir';

export interface EngineUnderTest {
  /** The test's engine, on its own fresh data directory; valid inside a test. */
  readonly engine: Engine;
  readonly dir: string;
  /** The reply envelope of one RPC, validation included, as a window would get it. */
  call(method: string, params?: unknown): Promise<any>;
  /** The result of one RPC; an error reply fails the test with its message. */
  ok(method: string, params?: unknown): Promise<any>;
}

/**
 * A real engine on a fresh data directory for each test of the file (actor "ana", notices
 * delivered nowhere unless `options` says otherwise), closed and removed after it.
 */
export function engineEachTest(options: Partial<EngineOptions> = {}): EngineUnderTest {
  let engine: Engine | undefined;
  let dir: string | undefined;
  beforeEach(() => {
    dir = tempDir();
    engine = createEngine({ dataDir: dir, actor: 'ana', deliver: async () => {}, ...options });
  });
  afterEach(() => {
    engine?.close();
    if (dir) removeDir(dir);
    engine = undefined;
    dir = undefined;
  });
  const running = (): Engine => {
    if (!engine) throw new Error('the engine runs only inside a test');
    return engine;
  };
  const call = async (method: string, params: unknown = {}) => (await running().dispatch({ id: 1, method, params })) as any;
  return {
    get engine() {
      return running();
    },
    get dir() {
      running();
      return dir as string;
    },
    call,
    async ok(method, params = {}) {
      const reply = await call(method, params);
      if (reply.error) throw new Error(`${method}: ${reply.error.message}`);
      return reply.result;
    },
  };
}
