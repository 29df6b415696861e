import path from 'node:path';
import { createEngine, type Engine } from '../engine/engine';
import { defaultDataDir } from '../engine/paths';
import { internalErrorLine } from './internal-error';

// The CLI opens the same database as the app; the app notices the change within a second.
// `configPath`: the monitors file whose monitors are described (read, never run nor claimed).
export async function withEngine<T>(dataDir: string | undefined, work: (engine: Engine) => Promise<T>, configPath?: string): Promise<T> {
  // Short commands do their work and leave: no monitors, sources, timers or notice delivery.
  const engine = createEngine({
    dataDir: path.resolve(dataDir ?? defaultDataDir()),
    background: false,
    configPath,
    onInternalError: (where, err) => process.stderr.write(`${internalErrorLine(where, err)}\n`),
  });
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}
